import type { shift as en } from '../en/shift.ts';
import type { Messages } from '../messages.ts';

export const shift: Messages<typeof en> = {
  title: 'Schicht',
  openTitle: 'Schicht öffnen',
  openIntro: 'Zählen Sie das Bargeld in der Kassenlade vor dem ersten Verkauf.',
  openingFloat: 'Anfangsbestand',
  openNowTitle: 'Schicht geöffnet',
  since: 'Seit {{time}} mit einem Anfangsbestand von {{amount}}.',
  countedCash: 'Gezähltes Bargeld',
  enterAmount: 'Geben Sie einen Betrag ein.',
  open: 'Schicht öffnen',
  close: 'Schicht schließen und Z-Bericht drucken',
  opened: 'Schicht geöffnet.',
  closed: 'Schicht geschlossen.',
  printZ: 'Z-Bericht drucken',
};
