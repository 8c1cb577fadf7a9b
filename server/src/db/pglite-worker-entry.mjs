// The PGlite worker thread's entry (plain JavaScript, so any Node can start it): where Node strips
// types itself (22.18+, 23.6+, 24) pglite-worker.ts loads directly; otherwise through tsx, as
// scripts/run-ts.mjs does for the hub. Loader hooks of the parent (tsx, Vitest's transform) do not
// reach a worker thread, so the worker cannot count on them.
if (!process.features.typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import('./pglite-worker.ts');
