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
