import type { Messages } from '../messages.ts';
import type { shell as en } from '../en/shell.ts';

export const shell: Messages<typeof en> = {
  title: 'Ezo POS Backoffice',
  nav: 'Bereiche',
  screens: {
    catalog: 'Katalog',
    customers: 'Kunden',
    stores: 'Filialen',
    devices: 'Geräte',
    staff: 'Personal',
    stock: 'Bestand',
    reports: 'Berichte',
  },
  signedInAs: 'Angemeldet als {{name}}',
  signOut: 'Abmelden',
  loading: 'Wird geladen …',
  noPermission: 'Sie haben für diesen Bereich keine Berechtigung.',
  sessionEnded: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  skipToContent: 'Zum Inhalt springen',
  language: 'Sprache',
};
