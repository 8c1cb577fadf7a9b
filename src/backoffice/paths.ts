// The back office's URLs: every section lives under BASE_PATH (the hub serves the app for all of them).
// Screens import these, never routes.tsx (which imports the screens).
export const BASE_PATH = '/backoffice';

export const sectionUrl = (path: string) => `${BASE_PATH}/${path}`;
