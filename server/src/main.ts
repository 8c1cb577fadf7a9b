// Starts the hub: opens (and migrates) the database, seeds the demo store on first run, and serves the
// API and the built till. `npm start` runs it with --demo so a freshly opened till pairs itself.
// Logs are JSON lines on stdout (http/logging.ts). SIGTERM or SIGINT drains: the instance stops
// accepting, lets running batches finish within SHUTDOWN_GRACE_MS, closes the database and exits 0.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildHub } from './app.ts';
import { hashToken, newToken } from './auth/tokens.ts';
import { adminTokenFile, demoTokenFile, pgliteDir, readConfig } from './config.ts';
import { drainAndClose, SHUTDOWN_GRACE_MS } from './http/lifecycle.ts';
import { createHubLogger } from './http/logging.ts';
import type { Sql } from './db/database.ts';
import { openDatabase } from './db/open-database.ts';
import { DEMO_STORE, seedDemoOnFirstRun } from './seed/demo-seed.ts';
import { readSecret, secretOrNew, writeSecret } from './secrets.ts';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

async function demoToken(db: Sql, file: string, seeded: string | undefined): Promise<string> {
  if (seeded !== undefined) return seeded;
  const kept = readSecret(file);
  if (kept !== undefined && kept !== '') return kept;
  // First --demo run on a hub seeded without it: the plain token was never kept, so issue a new one.
  const token = newToken();
  const rows = await db.query(
    `UPDATE terminals SET token_hash = $1 WHERE id = (SELECT t.id FROM terminals t JOIN stores s ON s.id = t.store_id
       WHERE s.name = $2 ORDER BY t.created_at LIMIT 1) RETURNING id`,
    [hashToken(token), DEMO_STORE.name],
  );
  if (rows.length === 0) throw new Error('--demo needs the demo store, and this database has none');
  return token;
}

async function main(): Promise<void> {
  const config = readConfig(process.env, process.argv.slice(2));
  const log = createHubLogger(config.logLevel);
  const db = await openDatabase(config.databaseUrl === undefined ? { pgliteDir: pgliteDir(config) } : { url: config.databaseUrl });

  const admin = config.adminToken === undefined ? secretOrNew(adminTokenFile(config)) : { value: config.adminToken, created: false };
  const seed = await seedDemoOnFirstRun(db);
  let seededToken: string | undefined;
  if (seed !== undefined) {
    seededToken = seed.terminalToken;
    log.info(`ezo hub: first run, seeded "${DEMO_STORE.name}" with a demo terminal and catalog`);
    // A token never goes to the log (logs are shipped and kept): it is kept in a file only its owner reads.
    if (!config.demo) {
      writeSecret(demoTokenFile(config), seed.terminalToken);
      log.info(`ezo hub: the demo terminal's token is in ${demoTokenFile(config)}`);
    }
  }
  let demoTerminalToken: string | undefined;
  if (config.demo) {
    demoTerminalToken = await demoToken(db, demoTokenFile(config), seededToken);
    writeSecret(demoTokenFile(config), demoTerminalToken);
  }

  const dist = join(REPO_ROOT, 'dist');
  const app = await buildHub({
    db,
    adminTokenHash: hashToken(admin.value),
    ...(config.metricsToken === undefined ? {} : { metricsTokenHash: hashToken(config.metricsToken) }),
    logger: log,
    ...(config.maxConnectionsPerAddress === undefined ? {} : { timeouts: { maxConnectionsPerAddress: config.maxConnectionsPerAddress } }),
    ...(demoTerminalToken === undefined ? {} : { demoTerminalToken }),
    ...(existsSync(join(dist, 'index.html')) ? { staticDir: dist } : {}),
  });
  await app.listen({ host: config.host, port: config.port });
  const shown = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  log.info(`ezo hub: http://${shown}:${port}/ (database: ${config.databaseUrl === undefined ? pgliteDir(config) : 'DATABASE_URL'})`);
  if (config.adminToken === undefined) log.info(`ezo hub: admin token in ${adminTokenFile(config)}${admin.created ? ' (new)' : ''}`);
  if (config.demo) log.info(`ezo hub: demo mode; the demo terminal token is in ${demoTokenFile(config)}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return; // a second signal changes nothing: the grace period bounds the wait
    stopping = true;
    log.info({ signal, grace_ms: SHUTDOWN_GRACE_MS }, 'ezo hub: shutting down: no new connections, finishing running requests');
    void drainAndClose(app)
      .then((outcome) => {
        log.info({ outcome }, outcome === 'clean' ? 'ezo hub: every running request finished' : 'ezo hub: grace period over; connections dropped');
        return db.close();
      })
      .then(
        () => {
          log.info('ezo hub: stopped');
          process.exit(0);
        },
        (err: unknown) => {
          log.error({ err }, 'ezo hub: shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('ezo hub failed to start:', err);
  process.exit(1);
});
