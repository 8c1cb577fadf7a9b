// The frame of the back office: navigation, the signed-in person, sign-out, the shared components.
export const shell = {
  title: 'Ezo POS back office',
  nav: 'Sections',
  screens: {
    catalog: 'Catalog',
    customers: 'Customers',
    stores: 'Stores',
    devices: 'Devices',
    staff: 'Staff',
    stock: 'Stock',
    reports: 'Reports',
  },
  signedInAs: 'Signed in as {{name}}',
  signOut: 'Sign out',
  loading: 'Loading…',
  noPermission: 'You do not have the permission for this section.',
  sessionEnded: 'Your session ended. Please sign in again.',
  skipToContent: 'Skip to content',
  language: 'Language',
} as const;
