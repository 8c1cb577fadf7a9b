// The settings screen: language, this terminal, the local database.
export const settings = {
  title: 'Settings',
  language: {
    title: 'Language',
    label: 'Language of the screens',
    automatic: 'Automatic: {{language}}',
    hint: 'Receipts and Z reports are printed in the store’s language ({{language}}).',
  },
  terminal: {
    title: 'This terminal',
    store: 'Store',
    terminal: 'Terminal',
    server: 'Server',
    currency: 'Currency',
    receiptPrefix: 'Receipt prefix',
    pairAgain: 'Pair again…',
  },
  database: {
    title: 'Local database',
    storage: 'Storage',
    opfs: 'Origin private file system',
    indexeddb: 'IndexedDB',
    vfs: 'SQLite VFS',
    sqlite: 'SQLite',
    journal: 'Journal',
    schema: 'Schema version',
  },
} as const;
