// Which folder may import which: dependencies point inward.
//
//   contract/  (the wire contract package, @ezo/contract)   depends on nothing of ours
//   src/domain (money, cart rules)                          -> contract
//   src/api    (the till's Comlink surface: types, errors)  -> contract, domain
//   src/sync   (the sync engine; defines its SQL port)      -> contract, domain, api
//   src/db     (wa-sqlite, repositories, the worker)        -> contract, domain, api, sync
//   src/ui     (Preact screens)                             -> contract, domain, api   (never db or sync)
//   src/backoffice (the back office app, served by the hub) -> contract, domain        (talks to the hub over HTTP only)
//   server/    (the hub)                                    -> contract, domain         (never the till's UI)
//
// Tests and test helpers may reach the real hub (server/src/testing) to sync against it.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module cycle: split the shared part into a module both can import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'contract-is-innermost',
      severity: 'error',
      comment: 'The contract package depends only on zod.',
      from: { path: '^contract/' },
      to: { path: '^(src|server|test-support|bench|e2e)/' },
    },
    {
      name: 'domain-depends-on-contract-only',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^(src/(api|sync|db|ui)|server|test-support)/' },
    },
    {
      name: 'api-depends-on-domain-and-contract',
      severity: 'error',
      from: { path: '^src/api/' },
      to: { path: '^(src/(sync|db|ui)|server)/' },
    },
    {
      name: 'sync-does-not-reach-outward',
      severity: 'error',
      comment: 'The sync engine defines the interfaces it needs (sql-connection.ts); the database implements them.',
      from: { path: '^src/sync/', pathNot: '(\\.test\\.ts$|/testing/)' },
      to: { path: '^(src/(db|ui)|server)/' },
    },
    {
      name: 'db-does-not-reach-the-ui',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^(src/ui|server)/' },
    },
    {
      name: 'ui-talks-to-the-worker-through-the-api',
      severity: 'error',
      comment: 'The UI reaches the database only through the Comlink API (src/api), never its modules.',
      from: { path: '^src/ui/' },
      to: { path: '^(src/(db|sync)|server)/' },
    },
    {
      name: 'backoffice-uses-only-contract-and-domain',
      severity: 'error',
      comment: 'The back office is its own app: it reaches the hub over HTTP (src/backoffice/api), never the till or the server modules. src/print (receipt and Z-report layouts) is shared with the till.',
      from: { path: '^src/backoffice/' },
      to: { path: '^(src/(?!domain/|backoffice/|print/)|server|test-support|bench|e2e)' },
    },
    {
      name: 'print-uses-only-contract-and-domain',
      severity: 'error',
      comment: 'The printed layouts are shared by the till and the back office, so they depend on neither.',
      from: { path: '^src/print/' },
      to: { path: '^(src/(?!domain/|print/)|server|test-support|bench|e2e)' },
    },
    {
      name: 'nothing-else-imports-the-backoffice',
      severity: 'error',
      from: { path: '^(src/(?!backoffice/)|server|contract)' },
      to: { path: '^src/backoffice/' },
    },
    {
      name: 'hub-uses-only-contract-and-domain',
      severity: 'error',
      comment: 'The hub compiles the wire contract and the money rules, nothing else of the till.',
      from: { path: '^server/' },
      to: { path: '^(src/(?!domain/)|test-support|bench|e2e)' },
    },
    {
      name: 'production-code-does-not-import-tests',
      severity: 'error',
      from: { path: '^(src|server/src|contract/src)/', pathNot: '(\\.test\\.ts$|-test-kit\\.ts$|/testing/|/fuzz/)' },
      to: { path: '(\\.test\\.ts$|^test-support/|^e2e/|^bench/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|dev-dist|bench/dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
