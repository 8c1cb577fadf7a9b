// Where PostgreSQL's server programs are: Debian's versioned folders (newest first), what pg_config
// says, or initdb on PATH (Homebrew, source builds). A folder counts only with initdb, pg_ctl and postgres.
import { accessSync, constants, readdirSync, realpathSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';

export const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql';
/** The programs a throwaway cluster needs. */
export const SERVER_PROGRAMS: readonly string[] = ['initdb', 'pg_ctl', 'postgres'];
export const LOOKED_AT = `${DEBIAN_POSTGRES_ROOT}/*/bin, pg_config --bindir, initdb on PATH`;

export interface PostgresProbe {
  env: Readonly<Record<string, string | undefined>>;
  listDir(path: string): string[];
  isExecutable(path: string): boolean;
  realPath(path: string): string | undefined;
  /** `pg_config --bindir`, or undefined when pg_config is not installed. */
  pgConfigBindir(): string | undefined;
}

export type PostgresLookup = { kind: 'found'; binDir: string } | { kind: 'missing' };

export function lookUpPostgres(probe: PostgresProbe): PostgresLookup {
  const complete = (dir: string): boolean => SERVER_PROGRAMS.every((program) => probe.isExecutable(`${dir}/${program}`));
  const debian = probe
    .listDir(DEBIAN_POSTGRES_ROOT)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => compareVersions(b, a))
    .map((version) => `${DEBIAN_POSTGRES_ROOT}/${version}/bin`);
  const fromPgConfig = probe.pgConfigBindir();
  const onPath = (probe.env['PATH'] ?? '')
    .split(':')
    .filter((dir) => dir !== '' && probe.isExecutable(`${dir}/initdb`))
    .map((dir) => dirname(probe.realPath(`${dir}/initdb`) ?? `${dir}/initdb`));
  const binDir = [...debian, ...(fromPgConfig === undefined ? [] : [fromPgConfig]), ...onPath].find(complete);
  return binDir === undefined ? { kind: 'missing' } : { kind: 'found', binDir };
}

function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

export const machinePostgresProbe: PostgresProbe = {
  env: process.env,
  listDir(path) {
    try {
      return readdirSync(path);
    } catch {
      return [];
    }
  },
  isExecutable(path) {
    try {
      accessSync(path, constants.X_OK);
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
  realPath(path) {
    try {
      return realpathSync(path);
    } catch {
      return undefined;
    }
  },
  pgConfigBindir() {
    const result = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
    return result.status === 0 ? result.stdout.trim() : undefined;
  },
};
