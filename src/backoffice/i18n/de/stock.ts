// Der Bildschirm „Bestand“.
import type { Messages } from '../messages.ts';
import type { stock as en } from '../en/stock.ts';

export const stock: Messages<typeof en> = {
  store: 'Filiale',
  noStores: 'Sie haben keine Filiale.',
  product: 'Artikel',
  sku: 'Artikelnummer',
  barcode: 'Barcode',
  onHand: 'Bestand',
  lowOnly: 'Nur niedriger Bestand',
  threshold: 'Niedrig: weniger als',
  caption: 'Aktueller Bestand',
  search: 'Name, Artikelnummer oder Barcode suchen',
  journal: 'Bestandskorrekturen',
  journalCaption: 'Bestandskorrekturen, neueste zuerst',
  when: 'Wann',
  delta: 'Stück',
  reason: 'Grund',
  who: 'Wer',
  approvedBy: '{{name}}, freigegeben von {{manager}}',
  terminal: 'Kasse',
};
