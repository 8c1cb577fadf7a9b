// Starts the hub: opens (and migrates) the database, seeds the demo store on first run, and serves the
// API and the built till. `npm start` runs it with --demo so a freshly opened till on this machine pairs
// itself (a pairing code for the demo terminal, loopback only).
// Logs are JSON lines on stdout (http/logging.ts). SIGTERM or SIGINT drains: the instance stops
// accepting, lets running batches finish within SHUTDOWN_GRACE_MS, closes the database and exits 0.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomInt } from 'node:crypto';
import { buildHub } from './app.ts';
import { hashToken, newToken } from './auth/tokens.ts';
import { adminTokenFile, demoPinsFile, ownerPasswordFile, pgliteDir, readConfig } from './config.ts';
import { drainAndClose, SHUTDOWN_GRACE_MS } from './http/lifecycle.ts';
import { createHubLogger } from './http/logging.ts';
import type { Sql } from './db/database.ts';
import { openDatabase } from './db/open-database.ts';
import { DEMO_OWNER_EMAIL, DEMO_STORE, seedDemoOnFirstRun } from './seed/demo-seed.ts';
import { readSecret, secretOrNew, writeSecret } from './secrets.ts';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

async function demoTerminalId(db: Sql): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `SELECT t.id::text AS id FROM terminals t JOIN stores s ON s.id = t.store_id WHERE s.name = $1 ORDER BY t.created_at LIMIT 1`,
    [DEMO_STORE.name],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('--demo needs the demo store, and this database has none');
  return id;
}

const pin = () => String(randomInt(10_000)).padStart(4, '0');

async function main(): Promise<void> {
  const config = readConfig(process.env, process.argv.slice(2));
  const log = createHubLogger(config.logLevel);
  const db = await openDatabase(config.databaseUrl === undefined ? { pgliteDir: pgliteDir(config) } : { url: config.databaseUrl });

  const admin = config.adminToken === undefined ? secretOrNew(adminTokenFile(config)) : { value: config.adminToken, created: false };
  const staff = { cashierPin: pin(), managerPin: pin(), ownerPassword: newToken() };
  const seed = await seedDemoOnFirstRun(db, staff);
  if (seed !== undefined) {
    // Secrets go to files only their owner reads, never to the log (logs are shipped and kept); the demo
    // PINs are the one exception below, printed so a first-time user can sign in at the till.
    writeSecret(ownerPasswordFile(config), staff.ownerPassword);
    writeSecret(demoPinsFile(config), `cashier ${staff.cashierPin}\nmanager ${staff.managerPin}`);
    log.info(`ezo hub: first run, seeded "${DEMO_STORE.name}" with a demo terminal, staff and catalog`);
    if (!config.demo) log.info(`ezo hub: pair a till with: npm run server:cli -- pairing-code --terminal ${seed.terminalId}`);
  }
  const demoTerminal = config.demo ? await demoTerminalId(db) : undefined;

  const dist = join(REPO_ROOT, 'dist');
  const app = await buildHub({
    db,
    adminTokenHash: hashToken(admin.value),
    ...(config.metricsToken === undefined ? {} : { metricsTokenHash: hashToken(config.metricsToken) }),
    logger: log,
    publicUrl: config.publicUrl,
    ...(config.maxConnectionsPerAddress === undefined ? {} : { timeouts: { maxConnectionsPerAddress: config.maxConnectionsPerAddress } }),
    ...(demoTerminal === undefined ? {} : { demoTerminalId: demoTerminal }),
    ...(existsSync(join(dist, 'index.html')) ? { staticDir: dist } : {}),
  });
  await app.listen({ host: config.host, port: config.port });
  const shown = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  log.info(`ezo hub: http://${shown}:${port}/ (database: ${config.databaseUrl === undefined ? pgliteDir(config) : 'DATABASE_URL'}; tills pair at ${config.publicUrl})`);
  if (config.adminToken === undefined) log.info(`ezo hub: admin token in ${adminTokenFile(config)}${admin.created ? ' (new)' : ''}`);
  const pins = readSecret(demoPinsFile(config));
  if (pins !== undefined && existsSync(ownerPasswordFile(config))) {
    log.info(`ezo hub: demo staff PINs: ${pins.replace(/\n/g, ', ')}; owner ${DEMO_OWNER_EMAIL}, password in ${ownerPasswordFile(config)}`);
  }
  if (config.demo) log.info('ezo hub: demo mode; a till opened on this machine pairs itself to the demo terminal');

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
