// LISTEN on a real PostgreSQL: one dedicated `pg` client per channel and hub instance (a pooled client
// would lose its LISTEN when released), reconnected with backoff after any loss. Notices sent while it
// was away are not replayed by PostgreSQL, so after a reconnect the handlers' `missed` runs and the
// caller rechecks (live/notice-hub.ts sends every till the current version).
import pg from 'pg';
import { CHANNEL_NAME, type NotificationHandlers, type Unlisten } from './database.ts';

/** First wait before reconnecting a lost listening connection; doubled per failure up to the cap. */
export const LISTEN_RETRY_MIN_MS = 250;
export const LISTEN_RETRY_MAX_MS = 30_000;

export async function listenPostgres(url: string, channel: string, handlers: NotificationHandlers): Promise<Unlisten> {
  if (!CHANNEL_NAME.test(channel)) throw new Error(`not a channel name: ${channel}`);
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let wait = LISTEN_RETRY_MIN_MS;

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url });
    // Either event means the connection is gone; reconnect once per client.
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (client === c) client = null;
      c.removeAllListeners('notification');
      void c.end().catch(() => undefined);
      if (!stopped) schedule();
    };
    c.on('error', onLost);
    c.on('end', onLost);
    c.on('notification', (message) => {
      if (message.channel === channel) handlers.notify(message.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (err) {
      onLost();
      throw err;
    }
    if (stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
  }

  function schedule(): void {
    retry = setTimeout(() => {
      retry = null;
      connect().then(
        () => {
          wait = LISTEN_RETRY_MIN_MS;
          if (!stopped) handlers.missed();
        },
        () => {
          wait = Math.min(wait * 2, LISTEN_RETRY_MAX_MS);
        },
      );
    }, wait);
    retry.unref();
  }

  // The first connection fails loudly: a hub that cannot listen at start is misconfigured.
  await connect();
  return async () => {
    stopped = true;
    if (retry !== null) clearTimeout(retry);
    const c = client;
    client = null;
    if (c !== null) {
      c.removeAllListeners();
      c.on('error', () => undefined);
      await c.end().catch(() => undefined);
    }
  };
}
