// Pairing a till with a hub. People pair with a one-time code (POST /api/v1/pairing/redeem): the hub
// makes a device with its own token and answers with it and the terminal. Scripts and tests may still
// pair with a terminal token (GET /api/v1/sync/terminal says whom it belongs to). Either way the answer
// is validated and URL, token and terminal are stored together.
//
// Re-pairing with another store (or hub) starts the catalog over (cursor cleared, master data and
// staff removed) so one store's products and people never mix with another's; it is refused while the
// till holds unsynced sales (they belong to the old store: sync or export them first). Re-pairing
// with another terminal of the same store is refused likewise while items are unsynced: they name
// the old terminal, which the hub takes only from that terminal's device (wrong_terminal). Re-pairing
// the same terminal (a new device for it) keeps everything, and the unsynced items go out with the
// new device's token. The hub has used the code by then; a refused pairing changes nothing here.
import type { SqlConnection, SqlExecutor } from './sql-connection.ts';
import type { Pairing } from '../api/till-api.ts';
import { TillError } from '../api/till-error.ts';
import { lenientContract } from '@ezo/contract/contract';
import { demoPairingSchemas, type DemoPairing } from '@ezo/contract/demo-pairing';
import { normalizePairingCode, pairingSchemas } from '@ezo/contract/pairing';
import type { TerminalInfo } from '@ezo/contract/terminal';
import { objectBuilder } from '@ezo/contract/strictness';
import { describeOutcome, hubUrl, type HubClient } from './hub-client.ts';
import { readStoreSettings, withStoreSettings } from './store-settings-store.ts';
import { readPairing, writePairing } from './pairing-store.ts';
import { clearCursor } from './sync-state-store.ts';
import { describeIssues } from './zod-issues.ts';

const lenientDemoPairing = demoPairingSchemas(objectBuilder('lenient')).demoPairing;
const lenientPaired = pairingSchemas(objectBuilder('lenient')).paired;

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

/** Pairs with a terminal token (scripts, tests): the hub says whom it belongs to. */
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
  return store(db, base, trimmedToken, parsed.data);
}

/** Pairs with a one-time code (ABCD-EFGH, either case, dash optional): the hub makes this till a device. */
export async function redeemCode(db: SqlConnection, client: HubClient, serverUrl: string, code: string, appVersion: string): Promise<Pairing> {
  const base = normaliseServerUrl(serverUrl);
  const normalised = normalizePairingCode(code);
  if (normalised === null) throw new TillError('pairing_code_invalid', `"${code.trim()}" is not a pairing code (8 letters and digits, e.g. ABCD-EFGH).`);
  const body = JSON.stringify({ code: normalised, app_version: appVersion });
  const outcome = await client.send({ method: 'POST', url: hubUrl(base, '/api/v1/pairing/redeem'), token: null, body });
  if (outcome.kind === 'network' || outcome.kind === 'timeout' || outcome.kind === 'stopped') throw new TillError('offline', describeOutcome(outcome));
  if (outcome.kind === 'http' && outcome.error?.code === 'pairing_code_invalid') throw new TillError('pairing_code_invalid', 'The server does not accept this pairing code (wrong, expired or used).');
  if (outcome.kind === 'http' && outcome.status === 429) throw new TillError('offline', `Too many pairing attempts: ${describeOutcome(outcome)}`);
  if (outcome.kind !== 'ok') throw new TillError('bad_response', describeOutcome(outcome));
  const parsed = lenientPaired.safeParse(outcome.body);
  if (!parsed.success) throw new TillError('bad_response', `The server's pairing answer fails validation: ${describeIssues(parsed.error.issues)}`);
  return store(db, base, parsed.data.device_token, parsed.data.terminal);
}

/** Items made at this till that the hub has not acknowledged: Pending or Failed queue rows. */
async function unsyncedCount(db: SqlExecutor): Promise<number> {
  return (await db.get<{ n: number }>(`SELECT count(*) AS n FROM sync_queue WHERE status IN (0, 2)`))?.n ?? 0;
}

/**
 * A shift is open on this till. Its record names the terminal it was opened on: closed as another
 * terminal, the hub would refuse it (wrong_terminal), so a till does not change terminal mid-shift.
 */
async function hasOpenShift(db: SqlExecutor): Promise<boolean> {
  return (await db.get(`SELECT 1 FROM shifts WHERE closed_at IS NULL`)) !== undefined;
}

async function store(db: SqlConnection, base: string, token: string, terminal: TerminalInfo): Promise<Pairing> {
  return db.transaction(async (tx) => {
    const previous = await readPairing(tx);
    const switching = previous !== null && (previous.serverUrl !== base || previous.terminal.terminal_id !== terminal.terminal_id);
    if (switching && (await hasOpenShift(tx))) {
      throw new TillError(
        'switch_open_shift',
        `A shift of ${previous.terminal.terminal_name} is still open on this till; close it (its Z report) before it becomes ${terminal.terminal_name}.`,
      );
    }
    if (previous !== null && (previous.serverUrl !== base || previous.terminal.store_id !== terminal.store_id)) {
      const unsynced = await unsyncedCount(tx);
      if (unsynced > 0) {
        throw new TillError(
          'store_switch_unsynced',
          `This till holds ${unsynced} unsynced item(s) of ${previous.terminal.store_name}; it cannot switch to ${terminal.store_name} until they are synced or exported.`,
        );
      }
      await clearCursor(tx);
      await tx.exec(`DELETE FROM product_hub_versions; DELETE FROM products; DELETE FROM categories; DELETE FROM customers; DELETE FROM stock_levels; DELETE FROM staff; DELETE FROM store_settings;`);
    } else if (previous !== null && previous.terminal.terminal_id !== terminal.terminal_id) {
      const unsynced = await unsyncedCount(tx);
      if (unsynced > 0) {
        throw new TillError(
          'terminal_switch_unsynced',
          `This till holds ${unsynced} unsynced item(s) of ${previous.terminal.terminal_name}; it cannot become ${terminal.terminal_name} until they are synced or exported.`,
        );
      }
    }
    await writePairing(tx, base, token, terminal);
    // The same store again: its pulled settings still stand over the terminal.
    const store = await readStoreSettings(tx, terminal.store_id);
    return { serverUrl: base, terminal: withStoreSettings(terminal, store), store };
  });
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
