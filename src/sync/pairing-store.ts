// What the till stores about its pairing, in the `settings` table: the hub's URL, the terminal's
// token, the TerminalInfo the hub returned, and whether the hub last refused the token (401).
// The token never leaves the worker: pairing() returns the URL and terminal only.
import type { SqlExecutor } from './sql-connection.ts';
import type { TerminalInfo } from '@ezo/contract/terminal';
import { lenientContract } from '@ezo/contract/contract';

const KEY = {
  serverUrl: 'sync.server_url',
  token: 'sync.token',
  terminal: 'sync.terminal',
  /** '0' after a 401 until the next successful pair(). */
  authorised: 'sync.authorised',
} as const;

export interface StoredPairing {
  serverUrl: string;
  token: string;
  terminal: TerminalInfo;
  authorised: boolean;
}

export async function readPairing(db: SqlExecutor): Promise<StoredPairing | null> {
  const rows = await db.all<{ key: string; value: string }>(
    `SELECT key, value FROM settings WHERE key IN (?, ?, ?, ?)`,
    [KEY.serverUrl, KEY.token, KEY.terminal, KEY.authorised],
  );
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const serverUrl = map.get(KEY.serverUrl);
  const token = map.get(KEY.token);
  const terminalJson = map.get(KEY.terminal);
  if (serverUrl === undefined || token === undefined || terminalJson === undefined) return null;
  const terminal = lenientContract.terminal.terminalInfo.safeParse(JSON.parse(terminalJson));
  if (!terminal.success) return null;
  return { serverUrl, token, terminal: terminal.data, authorised: map.get(KEY.authorised) !== '0' };
}

export async function writePairing(tx: SqlExecutor, serverUrl: string, token: string, terminal: TerminalInfo): Promise<void> {
  const upsert = `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
  await tx.run(upsert, [KEY.serverUrl, serverUrl]);
  await tx.run(upsert, [KEY.token, token]);
  await tx.run(upsert, [KEY.terminal, JSON.stringify(terminal)]);
  await tx.run(upsert, [KEY.authorised, '1']);
}

export async function markUnauthorised(db: SqlExecutor): Promise<void> {
  await db.run(`INSERT INTO settings (key, value) VALUES (?, '0') ON CONFLICT (key) DO UPDATE SET value = '0'`, [KEY.authorised]);
}
