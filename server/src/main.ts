// Starts the hub: opens (and migrates) the database, seeds the demo store on first run, and serves the
// API and the built till. `npm start` runs it with --demo so a freshly opened till on this machine pairs
// itself (a pairing code for the demo terminal, loopback only).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomInt } from 'node:crypto';
import { buildHub } from './app.ts';
import { hashToken, newToken } from './auth/tokens.ts';
import { adminTokenFile, demoPinsFile, ownerPasswordFile, pgliteDir, readConfig } from './config.ts';
import type { Sql } from './db/database.ts';
import { openDatabase } from './db/open-database.ts';
import { DEMO_OWNER_EMAIL, DEMO_STORE, seedDemo } from './seed/demo-seed.ts';
import { COMMIT_ORDER_LOCK_KEY } from './sync/item-outcome.ts';
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
  const db = await openDatabase(config.databaseUrl === undefined ? { pgliteDir: pgliteDir(config) } : { url: config.databaseUrl });

  const admin = config.adminToken === undefined ? secretOrNew(adminTokenFile(config)) : { value: config.adminToken, created: false };
  const firstRun = (await db.query('SELECT 1 FROM stores LIMIT 1')).length === 0;
  if (firstRun) {
    const staff = { cashierPin: pin(), managerPin: pin(), ownerPassword: newToken() };
    const seed = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [COMMIT_ORDER_LOCK_KEY]);
      return seedDemo(tx, { catalog: true, staff });
    });
    writeSecret(ownerPasswordFile(config), staff.ownerPassword);
    writeSecret(demoPinsFile(config), `cashier ${staff.cashierPin}\nmanager ${staff.managerPin}`);
    console.log(`ezo hub: first run, seeded "${DEMO_STORE.name}" with a demo terminal, staff and catalog`);
    if (!config.demo) console.log(`ezo hub: pair a till with: npm run server:cli -- pairing-code --terminal ${seed.terminalId}`);
  }
  const demoTerminal = config.demo ? await demoTerminalId(db) : undefined;

  const dist = join(REPO_ROOT, 'dist');
  const app = await buildHub({
    db,
    adminTokenHash: hashToken(admin.value),
    logger: true,
    publicUrl: config.publicUrl,
    ...(demoTerminal === undefined ? {} : { demoTerminalId: demoTerminal }),
    ...(existsSync(join(dist, 'index.html')) ? { staticDir: dist } : {}),
  });
  await app.listen({ host: config.host, port: config.port });
  const shown = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  console.log(`ezo hub: http://${shown}:${port}/ (database: ${config.databaseUrl === undefined ? pgliteDir(config) : 'DATABASE_URL'}; tills pair at ${config.publicUrl})`);
  if (config.adminToken === undefined) console.log(`ezo hub: admin token in ${adminTokenFile(config)}${admin.created ? ' (new)' : ''}`);
  const pins = readSecret(demoPinsFile(config));
  if (pins !== undefined && existsSync(ownerPasswordFile(config))) {
    console.log(`ezo hub: demo staff PINs: ${pins.replace(/\n/g, ', ')}; owner ${DEMO_OWNER_EMAIL}, password in ${ownerPasswordFile(config)}`);
  }
  if (config.demo) console.log('ezo hub: demo mode; a till opened on this machine pairs itself to the demo terminal');

  const stop = () => {
    void app.close().then(() => db.close()).finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('ezo hub failed to start:', err);
  process.exit(1);
});
