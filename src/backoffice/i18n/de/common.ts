import type { Messages } from '../messages.ts';
import type { common as en } from '../en/common.ts';

export const common: Messages<typeof en> = {
  save: 'Speichern',
  cancel: 'Abbrechen',
  saving: 'Wird gespeichert …',
  search: 'Suchen',
  next: 'Nächste Seite',
  previous: 'Vorige Seite',
  noRows: 'Nichts gefunden.',
  rowsShown_one: '{{count}} Zeile angezeigt',
  rowsShown_other: '{{count}} Zeilen angezeigt',
  sortBy: 'Nach {{column}} sortieren',
  yes: 'Ja',
  no: 'Nein',
  fieldInvalid: 'Bitte prüfen Sie dieses Feld.',
  errors: {
    bad_request: 'Einige Felder sind ungültig. Bitte prüfen Sie sie.',
    unauthorized: 'Sie sind nicht angemeldet, oder Ihre Sitzung ist abgelaufen.',
    forbidden: 'Dafür haben Sie keine Berechtigung.',
    not_found: 'Nicht gefunden. Möglicherweise wurde es entfernt.',
    conflict: 'Das widerspricht vorhandenen Daten (zum Beispiel eine bereits vergebene SKU).',
    last_owner: 'Das ist der letzte Inhaber: Machen Sie zuerst jemand anderen zum Inhaber.',
    rate_limited: 'Zu viele Versuche. Bitte warten Sie {{seconds}} Sekunden.',
    payload_too_large: 'Die Datei oder Anfrage ist zu groß.',
    unavailable: 'Der Hub oder seine Datenbank ist nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
    network: 'Der Hub ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
    unexpected: 'Etwas ist schiefgegangen ({{code}}).',
  },
};
