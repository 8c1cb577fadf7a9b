// Der Bildschirm „Filialen“.
import type { Messages } from '../messages.ts';
import type { stores as en } from '../en/stores.ts';

export const stores: Messages<typeof en> = {
  store: 'Filiale',
  formLabel: 'Filialeinstellungen',
  identity: 'Filiale',
  name: 'Name',
  legalName: 'Firmenname (auf Belegen)',
  address: 'Anschrift (je Zeile eine)',
  taxNumber: 'Steuernummer',
  vatId: 'USt-IdNr.',
  receipt: 'Beleg',
  receiptHeader: 'Belegkopf',
  receiptFooter: 'Belegfuß',
  region: 'Sprache, Währung und Zeit',
  locale: 'Gebietsschema',
  currency: 'Währung',
  currencyHint: 'ISO-Code wie EUR; nicht mehr änderbar, sobald die Filiale Verkäufe hat.',
  currencyLocked: 'Die Währung kann nicht geändert werden: Diese Filiale hat schon Verkäufe.',
  timeZone: 'Zeitzone',
  timeZoneHint: 'Zum Beispiel Europe/Berlin.',
  tills: 'Kassen',
  idleMinutes: 'PIN abfragen nach Untätigkeit (Minuten)',
  discountLimit: 'Rabattgrenze ohne Freigabe (%)',
  alarmHours: 'Speicheralarm nach (Stunden)',
  alarmHint: 'Wie lange nicht abgeglichene Verkäufe auf einer Kasse ohne dauerhaften Speicher warten dürfen.',
  readOnly: 'Sie sehen diese Einstellungen, können sie aber nicht ändern: Ihrer Rolle in dieser Filiale fehlt die Berechtigung, Filialeinstellungen zu verwalten. Fragen Sie den Inhaber.',
  saved: '{{name}} gespeichert. Die Kassen übernehmen die Einstellungen beim nächsten Abgleich.',
};
