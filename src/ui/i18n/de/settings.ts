import type { settings as en } from '../en/settings.ts';
import type { Messages } from '../messages.ts';

export const settings: Messages<typeof en> = {
  title: 'Einstellungen',
  language: {
    title: 'Sprache',
    label: 'Sprache der Bildschirme',
    automatic: 'Automatisch: {{language}}',
    hint: 'Belege und Z-Berichte werden in der Sprache des Geschäfts gedruckt ({{language}}).',
  },
  terminal: {
    title: 'Diese Kasse',
    store: 'Geschäft',
    terminal: 'Kasse',
    server: 'Server',
    currency: 'Währung',
    receiptPrefix: 'Belegpräfix',
    pairAgain: 'Neu koppeln…',
  },
  pairLink: {
    title: 'Diese Kasse neu koppeln?',
    current: 'Diese Kasse ist als {{terminal}} von {{store}} gekoppelt. Der geöffnete Link koppelt sie neu mit dem Code {{code}}.',
    unsyncedSales_one: '{{count}} Verkauf auf dieser Kasse ist noch nicht synchronisiert.',
    unsyncedSales_other: '{{count}} Verkäufe auf dieser Kasse sind noch nicht synchronisiert.',
    unsyncedChanges_one: '{{count}} weitere Änderung auf dieser Kasse ist noch nicht synchronisiert.',
    unsyncedChanges_other: '{{count}} weitere Änderungen auf dieser Kasse sind noch nicht synchronisiert.',
    keptHint: 'Es geht nichts verloren: Neu gekoppelt als dieselbe Kasse, sendet sie sie wie gewohnt; als andere Kasse oder Filiale lehnt sie ab, bis sie synchronisiert oder exportiert sind.',
    confirm: 'Neu koppeln',
    cancel: 'Kopplung behalten',
    done: 'Diese Kasse ist jetzt {{terminal}} von {{store}}.',
  },
  database: {
    title: 'Lokale Datenbank',
    storage: 'Speicherort',
    opfs: 'Privates Dateisystem des Browsers (OPFS)',
    indexeddb: 'IndexedDB des Browsers',
    vfs: 'SQLite-Dateisystem',
    sqlite: 'SQLite-Version',
    journal: 'Journal',
    schema: 'Schemaversion',
  },
};
