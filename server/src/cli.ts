// npm run server:cli -- <command>: stores, terminals and devices from a shell, against the same database
// the hub uses (DATABASE_URL, or the PGlite data dir: stop the hub first, PGlite allows one process).
import { parseArgs } from 'node:util';
import { strictContract } from '@ezo/contract/contract';
import { pgliteDir, readConfig } from './config.ts';
import { openDatabase } from './db/open-database.ts';
import { createStore, createTerminal, listStores } from './stores/stores.ts';
import { createPairingCode } from './devices/pairing.ts';
import { revokeDevice } from './devices/devices.ts';

const USAGE = `usage:
  npm run server:cli -- stores:list
  npm run server:cli -- stores:create --name "Main St" --currency EUR --locale de-DE
  npm run server:cli -- terminals:create --store <store id> --name "Till 2" --prefix T2
  npm run server:cli -- pairing-code --terminal <terminal id>
  npm run server:cli -- revoke-device --device <device id>`;

const COMMANDS = ['stores:list', 'stores:create', 'terminals:create', 'pairing-code', 'revoke-device'];

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      currency: { type: 'string' },
      locale: { type: 'string' },
      store: { type: 'string' },
      prefix: { type: 'string' },
      terminal: { type: 'string' },
      device: { type: 'string' },
    },
  });
  if (command === undefined || !COMMANDS.includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const config = readConfig(process.env, []);
  const db = await openDatabase(config.databaseUrl === undefined ? { pgliteDir: pgliteDir(config) } : { url: config.databaseUrl });
  try {
    if (command === 'stores:list') {
      for (const s of await listStores(db)) console.log(`${s.id}  ${s.name}  ${s.currency}  ${s.locale}`);
    } else if (command === 'stores:create') {
      const input = strictContract.admin.storeCreate.safeParse({ name: values.name, currency: values.currency, locale: values.locale });
      if (!input.success) throw new Error(input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
      const store = await createStore(db, input.data);
      console.log(`store ${store.id} created`);
    } else if (command === 'pairing-code') {
      const input = strictContract.pairing.codeParams.safeParse({ terminal_id: values.terminal });
      if (!input.success) throw new Error('--terminal: the terminal id (a uuid)');
      const code = await createPairingCode(db, input.data.terminal_id, new Date(), config.publicUrl);
      console.log(`pairing code ${code.code} (single use, valid until ${code.expires_at})`);
      console.log(`or open on the tablet: ${code.url}`);
    } else if (command === 'revoke-device') {
      const input = strictContract.devices.params.safeParse({ device_id: values.device });
      if (!input.success) throw new Error('--device: the device id (a uuid)');
      const device = await revokeDevice(db, input.data.device_id, new Date());
      console.log(`device ${device.id} (${device.terminal_name}, prefix ${device.receipt_prefix}) revoked: its requests now answer 401 device_revoked`);
    } else {
      const input = strictContract.admin.terminalCreate.safeParse({ store_id: values.store, name: values.name, receipt_prefix: values.prefix });
      if (!input.success) throw new Error(input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
      const t = await createTerminal(db, input.data);
      console.log(`terminal ${t.terminal_id} created in store ${t.store_id}`);
      console.log(`legacy token (scripts only; shown once): ${t.token}`);
      console.log(`pair a till: npm run server:cli -- pairing-code --terminal ${t.terminal_id}`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
