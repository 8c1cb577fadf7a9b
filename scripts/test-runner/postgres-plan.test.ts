// Where the server programs are found, and what `npm test` does about PostgreSQL on each kind of machine.
import { describe, expect, it } from 'vitest';
import type { InstallPermission } from './machine.ts';
import { lookUpPostgres, type PostgresProbe } from './postgres-binaries.ts';
import { planPostgres, postgresSkippedLine } from './postgres-plan.ts';

const SERVER = ['initdb', 'pg_ctl', 'postgres'];

function probe(files: string[], options: { pgConfig?: string; links?: Record<string, string>; path?: string } = {}): PostgresProbe {
  const all = new Set(files);
  return {
    env: { PATH: options.path ?? '/usr/local/bin:/usr/bin' },
    listDir: (dir) => [...new Set(files.filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1).split('/')[0] ?? ''))],
    isExecutable: (path) => all.has(path) || options.links?.[path] !== undefined,
    realPath: (path) => options.links?.[path] ?? (all.has(path) ? path : undefined),
    pgConfigBindir: () => options.pgConfig,
  };
}
const serverIn = (dir: string): string[] => SERVER.map((p) => `${dir}/${p}`);

describe('lookUpPostgres', () => {
  it("takes Debian's newest version", () => {
    const found = lookUpPostgres(probe([...serverIn('/usr/lib/postgresql/9.6/bin'), ...serverIn('/usr/lib/postgresql/15/bin'), ...serverIn('/usr/lib/postgresql/16/bin')]));
    expect(found).toEqual({ kind: 'found', binDir: '/usr/lib/postgresql/16/bin' });
  });

  it('passes over a version folder with the client programs only', () => {
    const found = lookUpPostgres(probe(['/usr/lib/postgresql/16/bin/psql', ...serverIn('/usr/lib/postgresql/15/bin')]));
    expect(found).toEqual({ kind: 'found', binDir: '/usr/lib/postgresql/15/bin' });
  });

  it('asks pg_config where the programs are', () => {
    expect(lookUpPostgres(probe(serverIn('/opt/pg/bin'), { pgConfig: '/opt/pg/bin' }))).toEqual({ kind: 'found', binDir: '/opt/pg/bin' });
  });

  it("follows initdb on PATH to its folder (Homebrew's links)", () => {
    const found = lookUpPostgres(probe(serverIn('/opt/homebrew/Cellar/postgresql@16/16.4/bin'), { path: '/opt/homebrew/bin', links: { '/opt/homebrew/bin/initdb': '/opt/homebrew/Cellar/postgresql@16/16.4/bin/initdb' } }));
    expect(found).toEqual({ kind: 'found', binDir: '/opt/homebrew/Cellar/postgresql@16/16.4/bin' });
  });

  it('finds nothing on a machine with the client only', () => {
    expect(lookUpPostgres(probe(['/usr/bin/psql'], { pgConfig: '/usr/lib/postgresql/16/bin' }))).toEqual({ kind: 'missing' });
  });
});

const ROOT: InstallPermission = { allowed: true, family: 'debian' };
const USER: InstallPermission = { allowed: false, reason: 'not running as root' };

describe('planPostgres', () => {
  it('uses TEST_DATABASE_URL as given, whatever is installed', () => {
    expect(planPostgres('postgres://me@db:5432/postgres', false, { kind: 'found', binDir: '/b' }, ROOT)).toEqual({ kind: 'given', url: 'postgres://me@db:5432/postgres' });
  });

  it('starts a cluster with the programs found', () => {
    expect(planPostgres(undefined, false, { kind: 'found', binDir: '/b' }, USER)).toEqual({ kind: 'cluster', binDir: '/b' });
    expect(planPostgres('', false, { kind: 'found', binDir: '/b' }, USER)).toEqual({ kind: 'cluster', binDir: '/b' });
  });

  it('installs postgresql as root on Debian or Ubuntu', () => {
    expect(planPostgres(undefined, false, { kind: 'missing' }, ROOT)).toEqual({ kind: 'install', packages: ['postgresql'] });
    expect(planPostgres(undefined, false, { kind: 'missing' }, { allowed: true, family: 'ubuntu' })).toEqual({ kind: 'install', packages: ['postgresql'] });
  });

  it('skips, saying why, where it may not install', () => {
    const plan = planPostgres(undefined, false, { kind: 'missing' }, USER);
    expect(plan.kind === 'skip' && plan.reason).toBe(
      'no PostgreSQL server programs found (/usr/lib/postgresql/*/bin, pg_config --bindir, initdb on PATH) and npm test installs postgresql only as root on Debian or Ubuntu (not running as root)',
    );
  });

  it('skips when EZO_TEST_SKIP says so, even with TEST_DATABASE_URL set', () => {
    expect(planPostgres('postgres://me@db/postgres', true, { kind: 'found', binDir: '/b' }, ROOT)).toEqual({ kind: 'skip', reason: 'EZO_TEST_SKIP has "postgres"' });
  });

  it('says it in one line', () => {
    expect(postgresSkippedLine('EZO_TEST_SKIP has "postgres"')).not.toContain('\n');
  });
});
