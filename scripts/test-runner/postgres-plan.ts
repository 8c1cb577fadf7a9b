// What `npm test` does about PostgreSQL: use TEST_DATABASE_URL as given, start a throwaway cluster with
// the server programs found, install Debian's postgresql where it may, or skip the PostgreSQL half of the
// hub's tests with one line saying why (they then run on PGlite only).
import type { InstallPermission } from './machine.ts';
import { LOOKED_AT, type PostgresLookup } from './postgres-binaries.ts';

export const TEST_DATABASE_ENV = 'TEST_DATABASE_URL';
export const POSTGRES_PACKAGE = 'postgresql';

export type PostgresPlan =
  | { kind: 'given'; url: string }
  | { kind: 'cluster'; binDir: string }
  | { kind: 'install'; packages: readonly string[] }
  | { kind: 'skip'; reason: string };

export function planPostgres(
  given: string | undefined,
  skipped: boolean,
  lookup: PostgresLookup,
  permission: InstallPermission,
): PostgresPlan {
  if (skipped) return { kind: 'skip', reason: 'EZO_TEST_SKIP has "postgres"' };
  if (given !== undefined && given !== '') return { kind: 'given', url: given };
  if (lookup.kind === 'found') return { kind: 'cluster', binDir: lookup.binDir };
  if (permission.allowed) return { kind: 'install', packages: [POSTGRES_PACKAGE] };
  return {
    kind: 'skip',
    reason: `no PostgreSQL server programs found (${LOOKED_AT}) and npm test installs postgresql only as root on Debian or Ubuntu (${permission.reason})`,
  };
}

/** The one line printed when the PostgreSQL half is skipped. */
export function postgresSkippedLine(reason: string): string {
  return `PostgreSQL tests skipped: ${reason}. The hub's tests run on PGlite only; set ${TEST_DATABASE_ENV} or install PostgreSQL to run them.`;
}
