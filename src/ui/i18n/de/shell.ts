import type { shell as en } from '../en/shell.ts';
import type { Messages } from '../messages.ts';

export const shell: Messages<typeof en> = {
  screens: { sell: 'Verkauf', history: 'Verlauf', shift: 'Schicht', stock: 'Bestand', settings: 'Einstellungen' },
  screensNav: 'Bildschirme',
  shortcutsButton: 'Tastenkürzel',
  dismiss: 'Meldung schließen',
  scanNotHere: '{{code}} gescannt: Artikel werden im Verkauf erfasst und im Bestand gezählt.',
};
