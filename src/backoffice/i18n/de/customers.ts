// Der Bildschirm „Kunden“.
import type { Messages } from '../messages.ts';
import type { customers as en } from '../en/customers.ts';

export const customers: Messages<typeof en> = {
  new: 'Neuer Kunde',
  newTitle: 'Neuer Kunde',
  editTitle: '{{name}} bearbeiten',
  formLabel: 'Kunde',
  name: 'Name',
  email: 'E-Mail',
  phone: 'Telefon',
  store: 'Filiale',
  chainCustomer: 'Alle Filialen (Kette)',
  updated: 'Geändert',
  actions: 'Aktionen',
  edit: 'Bearbeiten',
  editOne: '{{name}} bearbeiten',
  merge: 'Zusammenführen…',
  mergeOne: '{{name}} mit einem anderen Kunden zusammenführen',
  saved: '{{name}} gespeichert.',
  merged: 'Zusammengeführt mit {{name}}.',
  storeFilter: 'Filiale',
  allStores: 'Alle meine Filialen',
  caption: 'Kunden',
  search: 'Name, E-Mail oder Telefon suchen',
  mergeTitle: '{{name}} mit einem anderen Kunden zusammenführen',
  mergeExplain:
    'Wählen Sie den Kunden, der bleibt. Das Duplikat verschwindet von den Kassen; seine Verkäufe bleiben unverändert und werden unter dem verbleibenden Kunden ausgewiesen, der seine E-Mail oder Telefonnummer übernimmt, wo er keine hat.',
  mergeSearch: 'Verbleibenden Kunden suchen',
  mergeKeep: 'Kunde, der bleibt',
  mergeButton: 'Zusammenführen',
  mergeConfirmTitle: 'Diese Kunden zusammenführen?',
  mergeConfirm: 'Jetzt zusammenführen',
  mergeConfirmText: '{{duplicate}} wird mit {{survivor}} zusammengeführt. Das kann nicht rückgängig gemacht werden.',
  mergeRefused: 'Diese Kunden können nicht zusammengeführt werden: Sie gehören zu verschiedenen Filialen (verschieben Sie zuerst einen) oder einer wurde schon gelöscht oder zusammengeführt.',
  mergeSales_one: '{{count}} Verkauf des Duplikats wird unter dem verbleibenden Kunden ausgewiesen.',
  mergeSales_other: '{{count}} Verkäufe des Duplikats werden unter dem verbleibenden Kunden ausgewiesen.',
};
