// The throwaway cluster against the real PostgreSQL programs of this machine: it answers on loopback at
// a port of its own, and stop() leaves no server and no folder behind.
import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { lookUpPostgres, machinePostgresProbe } from './postgres-binaries.ts';
import { startCluster } from './postgres-cluster.ts';

const lookup = lookUpPostgres(machinePostgresProbe);
/** initdb and a cold start on a busy machine. */
const CLUSTER_TIMEOUT_MS = 60_000;

describe.skipIf(lookup.kind !== 'found')('startCluster', () => {
  it(
    'answers on 127.0.0.1 at a free port, and stop() removes server and folder',
    async () => {
      if (lookup.kind !== 'found') return;
      const started = await startCluster(lookup.binDir);
      if (!started.ok) throw new Error(started.message);
      const { cluster } = started;
      try {
        const url = new URL(cluster.url);
        expect(url.hostname).toBe('127.0.0.1');
        expect(url.port).not.toBe('5432');
        expect(cluster.version).toMatch(/^PostgreSQL \d+/);
        const client = new pg.Client({ connectionString: cluster.url });
        await client.connect();
        const { rows } = await client.query<{ encoding: string; user: string }>('SELECT pg_encoding_to_char(encoding) AS encoding, current_user AS user FROM pg_database WHERE datname = current_database()');
        await client.end();
        expect(rows).toEqual([{ encoding: 'UTF8', user: 'ezo' }]);
      } finally {
        cluster.stop();
      }
      expect(existsSync(cluster.dir)).toBe(false);
      const late = new pg.Client({ connectionString: cluster.url, connectionTimeoutMillis: 2000 });
      await expect(late.connect()).rejects.toThrow();
    },
    CLUSTER_TIMEOUT_MS,
  );
});
