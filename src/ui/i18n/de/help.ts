import type { help as en } from '../en/help.ts';
import type { Messages } from '../messages.ts';

export const help: Messages<typeof en> = {
  title: 'Tastenkürzel',
  keysColumn: 'Tasten',
  actionColumn: 'Aktion',
  keys: {
    search: 'F2 oder /',
    addFirst: 'Enter (in der Suche)',
    pay: 'F9 oder Strg+Enter',
    quantity: '+ / −',
    times: '3 * dann scannen',
    remove: 'Entf',
    screens: 'Alt+1 … Alt+5',
    close: 'Esc',
    help: 'F1 oder ?',
    scan: 'Barcode scannen',
  },
  does: {
    search: 'Artikel suchen',
    addFirst: 'Ersten Treffer hinzufügen',
    pay: 'Bezahlen',
    quantity: 'Menge der gewählten Position ändern (auch im leeren Suchfeld)',
    times: 'Nächsten Artikel 3-mal hinzufügen (auch „3x“)',
    remove: 'Gewählte Position entfernen',
    screens: 'Verkauf, Verlauf, Schicht, Bestand, Einstellungen',
    close: 'Dialog schließen',
    help: 'Diese Hilfe',
    scan: 'Verkauf: fügt den Artikel hinzu. Bestand: findet oder zählt ihn. Verlauf: findet seine Verkäufe',
  },
};
