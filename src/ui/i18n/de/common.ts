import type { common as en } from '../en/common.ts';
import type { Messages } from '../messages.ts';

export const common: Messages<typeof en> = {
  loading: 'Wird geladen…',
  close: 'Schließen',
  cancel: 'Abbrechen',
  back: 'Zurück',
  remove: 'Entfernen',
  print: 'Drucken',
  done: 'Fertig',
  saving: 'Wird gespeichert…',
  method: { cash: 'Bar', card: 'Karte' },
};
