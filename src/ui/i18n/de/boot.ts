import type { boot as en } from '../en/boot.ts';
import type { Messages } from '../messages.ts';

export const boot: Messages<typeof en> = {
  opening: 'Kasse wird geöffnet…',
  starting: 'Kasse wird gestartet…',
  dbFailedTitle: 'Die Kasse konnte ihre Datenbank nicht öffnen',
  startFailedTitle: 'Die Kasse konnte nicht starten',
  reload: 'Neu laden',
  ownership: {
    elsewhereTitle: 'Die Kasse ist in einem anderen Tab geöffnet',
    elsewhereDetail: 'Es kann immer nur ein Tab kassieren, damit jeder Verkauf an einem Ort landet. Verwenden Sie die Kasse hier, hört der andere Tab auf; ein begonnener Verkauf kommt mit.',
    elsewhereAction: 'Hier verwenden',
    movedTitle: 'Die Kasse ist in einen anderen Tab gewechselt',
    movedDetail: 'Dieser Tab erfasst keine Verkäufe mehr. Holen Sie die Kasse zurück, um hier zu kassieren; der andere Tab hört dann auf.',
    movedAction: 'Zurückholen',
    takingOver: 'Wird übernommen…',
  },
  setup: {
    title: 'Diese Kasse einrichten',
    pairAgainTitle: 'Diese Kasse neu koppeln',
    intro: 'Geben Sie die Serveradresse und den Kopplungscode aus dem Backoffice ein.',
    serverUrl: 'Server-URL',
    code: 'Kopplungscode',
    codeHint: '8 Buchstaben und Ziffern, z. B. ABCD-EFGH. Ein Code koppelt eine Kasse und gilt 15 Minuten.',
    pairing: 'Wird gekoppelt…',
    pair: 'Kasse koppeln',
  },
};
