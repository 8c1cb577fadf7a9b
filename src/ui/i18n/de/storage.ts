import type { storage as en } from '../en/storage.ts';
import type { Messages } from '../messages.ts';

export const storage: Messages<typeof en> = {
  panelTitle: 'Speicher auf diesem Gerät',
  reading: 'Speicher wird gelesen…',
  persistent: 'Dauerhafter Speicher',
  persistedYes: 'Ja: Der Browser löscht die Daten der Kasse nicht, um Platz zu schaffen.',
  persistedNo: 'Nein: Der Browser darf die Daten der Kasse löschen, wenn der Speicher knapp wird.',
  persistedUnknown: 'Unbekannt: Dieser Browser gibt darüber keine Auskunft.',
  used: 'Belegt',
  unknown: 'Unbekannt',
  usedOf: '{{used}} von {{quota}} verfügbar',
  keep: 'Daten auf diesem Gerät behalten',
  declined: 'Der Browser hat vorerst abgelehnt. Als App installiert, wird der Speicher der Kasse meist dauerhaft.',
  export: 'Nicht übertragene Verkäufe exportieren',
  exportNothing: 'Nichts zu exportieren: Jeder Verkauf ist beim Server angekommen.',
  exportSaved_one: '{{count}} nicht übertragener Eintrag in {{file}} gespeichert.',
  exportSaved_other: '{{count}} nicht übertragene Einträge in {{file}} gespeichert.',
  exportSavedParts_one: '{{count}} nicht übertragener Eintrag in {{files}} Dateien gespeichert, beginnend mit {{file}}.',
  exportSavedParts_other: '{{count}} nicht übertragene Einträge in {{files}} Dateien gespeichert, beginnend mit {{file}}.',
  full: 'Speicher voll.',
  quota: 'Auf diesem Gerät ist kein Speicherplatz mehr frei, deshalb wurde der Verkauf NICHT gespeichert. Der Warenkorb ist unverändert. Übertragen oder exportieren Sie die offenen Verkäufe, schaffen Sie Platz auf dem Gerät und schließen Sie den Verkauf dann erneut ab.',
  atRisk_one: '{{count}} nicht übertragener Verkauf liegt nur auf diesem Gerät, und der Browser darf ihn löschen.',
  atRisk_other: '{{count}} nicht übertragene Verkäufe liegen nur auf diesem Gerät, und der Browser darf sie löschen.',
  atRiskAction: 'Synchronisieren Sie, sobald der Server erreichbar ist, oder exportieren Sie sie jetzt in eine Datei.',
  update: {
    title: 'Neue Version verfügbar',
    afterSale: 'Sie lässt sich installieren, sobald dieser Verkauf abgeschlossen ist; der Warenkorb bleibt, wie er ist.',
    ready: 'Eine neue Version der Kasse ist bereit. Die Installation startet die Kasse kurz neu.',
    now: 'Jetzt aktualisieren',
  },
};
