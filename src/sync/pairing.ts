// Pairing a till with a hub: ask the hub who the token belongs to (GET /api/v1/sync/terminal),
// validate the answer, and store URL, token and terminal. Re-pairing with another store starts the
// catalog over (cursor cleared, master data removed) so one store's products never mix with another's.
import type { SqlConnection } from './sql-connection.ts';
import type { Pairing } from '../api/till-api.ts';
import { TillError } from '../api/till-error.ts';
import { lenientContract } from '@ezo/contract/contract';
import { demoPairingSchemas, type DemoPairing } from '@ezo/contract/demo-pairing';
import { objectBuilder } from '@ezo/contract/strictness';
import { describeOutcome, hubUrl, type HubClient } from './hub-client.ts';
import { readPairing, writePairing } from './pairing-store.ts';
import { clearCursor } from './sync-state-store.ts';
import { describeIssues } from './zod-issues.ts';

const lenientDemoPairing = demoPairingSchemas(objectBuilder('lenient')).demoPairing;

/** The URL as stored: http(s) only, no trailing slash, so paths join with one '/'. */
export function normaliseServerUrl(serverUrl: string): string {
  let url: URL;
  try {
    url = new URL(serverUrl.trim());
  } catch {
    throw new TillError('invalid', `"${serverUrl}" is not a server address (expected e.g. https://hub.example.com).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TillError('invalid', `The server address must start with http:// or https://, not ${url.protocol}`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

export async function pair(db: SqlConnection, client: HubClient, serverUrl: string, token: string): Promise<Pairing> {
  const base = normaliseServerUrl(serverUrl);
  const trimmedToken = token.trim();
  if (trimmedToken === '') throw new TillError('invalid', 'The terminal token is empty.');
  const outcome = await client.send({ method: 'GET', url: hubUrl(base, '/api/v1/sync/terminal'), token: trimmedToken });
  if (outcome.kind === 'network' || outcome.kind === 'timeout' || outcome.kind === 'stopped') throw new TillError('offline', describeOutcome(outcome));
  if (outcome.kind === 'http' && (outcome.status === 401 || outcome.status === 403)) throw new TillError('unauthorized', 'The server does not accept this terminal token.');
  if (outcome.kind !== 'ok') throw new TillError('bad_response', describeOutcome(outcome));
  const parsed = lenientContract.terminal.terminalInfo.safeParse(outcome.body);
  if (!parsed.success) throw new TillError('bad_response', `The server's terminal info fails validation: ${describeIssues(parsed.error.issues)}`);
  const terminal = parsed.data;
  const previous = await readPairing(db);
  await db.transaction(async (tx) => {
    if (previous !== null && (previous.serverUrl !== base || previous.terminal.store_id !== terminal.store_id)) {
      await clearCursor(tx);
      await tx.exec(`DELETE FROM product_hub_versions; DELETE FROM products; DELETE FROM categories; DELETE FROM customers; DELETE FROM stock_levels;`);
    }
    await writePairing(tx, base, trimmedToken, terminal);
  });
  return { serverUrl: base, terminal };
}

export type DemoPairingResult = { kind: 'found'; pairing: DemoPairing } | { kind: 'not_demo' } | { kind: 'error'; message: string };

/** Asks the origin that served the till for demo pairing; 404 means the hub is not in demo mode. */
export async function fetchDemoPairing(client: HubClient, appOrigin: string): Promise<DemoPairingResult> {
  const outcome = await client.send({ method: 'GET', url: hubUrl(appOrigin.replace(/\/+$/, ''), '/api/v1/demo/pairing'), token: null });
  if (outcome.kind === 'http' && outcome.status === 404) return { kind: 'not_demo' };
  if (outcome.kind !== 'ok') return { kind: 'error', message: describeOutcome(outcome) };
  const parsed = lenientDemoPairing.safeParse(outcome.body);
  if (!parsed.success) return { kind: 'error', message: `The demo pairing answer fails validation: ${describeIssues(parsed.error.issues)}` };
  return { kind: 'found', pairing: parsed.data };
}
