// A throwaway PostgreSQL for `npm test`: initdb in a temp folder, the server on 127.0.0.1 at a free port
// (never the system cluster's 5432) with its socket in that folder, trust auth for the superuser "ezo".
// stop() is synchronous so that it can run from any exit path; it removes the folder.
// As root the programs run as the "postgres" user: initdb and postgres refuse to run as root.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

export const CLUSTER_DIR_PREFIX = 'ezo-test-pg-';
export const SUPERUSER = 'ezo';
const SERVICE_USER = 'postgres';
/** Attempts at a free port: another process can take the one we picked before the server binds. */
const PORT_ATTEMPTS = 3;
/** pg_ctl's wait for the server to accept connections. */
const START_TIMEOUT_S = 60;

export interface Cluster {
  url: string;
  dir: string;
  /** e.g. "PostgreSQL 15.14". */
  version: string;
  stop(): void;
}

export type ClusterResult = { ok: true; cluster: Cluster } | { ok: false; kind: 'unavailable' | 'failed'; message: string };

interface RunAs {
  uid: number;
  gid: number;
}

export async function startCluster(binDir: string): Promise<ClusterResult> {
  const runAs = process.getuid?.() === 0 ? serviceUser() : undefined;
  if (runAs === null) {
    return { ok: false, kind: 'unavailable', message: `running as root and there is no "${SERVICE_USER}" user to run initdb and postgres as` };
  }
  const dir = mkdtempSync(join(tmpdir(), CLUSTER_DIR_PREFIX));
  const data = join(dir, 'data');
  const log = join(dir, 'log');
  const asOwner = { cwd: dir, ...(runAs ?? {}) };
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  if (runAs !== undefined) chownSync(dir, runAs.uid, runAs.gid);

  const init = spawnSync(join(binDir, 'initdb'), ['-D', data, '-A', 'trust', '-U', SUPERUSER, '-E', 'UTF8', '--locale=C', '--no-sync'], { ...asOwner, encoding: 'utf8' });
  if (init.status !== 0) {
    remove();
    return { ok: false, kind: 'failed', message: `initdb failed: ${(init.stderr || init.error?.message || '').trim()}` };
  }
  const stop = (): void => {
    if (existsSync(join(data, 'postmaster.pid'))) {
      const stopped = spawnSync(join(binDir, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], { ...asOwner, stdio: 'ignore' });
      if (stopped.status !== 0) killPostmaster(data);
    }
    remove();
  };
  for (let attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
    const port = await freePort();
    const options = `-h 127.0.0.1 -p ${port} -k '${dir}'`;
    const code = await startServer(join(binDir, 'pg_ctl'), ['-D', data, '-l', log, '-w', '-t', String(START_TIMEOUT_S), '-o', options, 'start'], asOwner);
    if (code === 0) {
      return { ok: true, cluster: { url: `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`, dir, version: serverVersion(binDir), stop } };
    }
    const logText = existsSync(log) ? readFileSync(log, 'utf8') : '';
    if (!/could not bind|already in use/i.test(logText) || attempt === PORT_ATTEMPTS) {
      stop();
      const lastLines = logText.trim().split('\n').slice(-3).join(' | ');
      return { ok: false, kind: 'failed', message: `pg_ctl start failed (exit ${code}): ${lastLines}` };
    }
  }
  stop();
  return { ok: false, kind: 'failed', message: 'pg_ctl start failed' };
}

/**
 * pg_ctl forks the server and exits once it accepts connections. It runs in a session of its own so
 * that a terminal's Ctrl-C does not shut the server down under the tests; cleanup stops it.
 */
function startServer(pgCtl: string, args: string[], options: { cwd: string; uid?: number; gid?: number }): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(pgCtl, args, { ...options, stdio: 'ignore', detached: true });
    child.once('error', () => resolve(127));
    child.once('exit', (code) => resolve(code));
  });
}

/** Last resort when pg_ctl cannot stop the server: the postmaster's pid is the first line of postmaster.pid. */
function killPostmaster(data: string): void {
  try {
    const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0) process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function serviceUser(): RunAs | null {
  const id = (flag: string): number | undefined => {
    const result = spawnSync('id', [flag, SERVICE_USER], { encoding: 'utf8' });
    return result.status === 0 ? Number(result.stdout.trim()) : undefined;
  };
  const uid = id('-u');
  const gid = id('-g');
  return uid === undefined || gid === undefined ? null : { uid, gid };
}

function serverVersion(binDir: string): string {
  const result = spawnSync(join(binDir, 'postgres'), ['--version'], { encoding: 'utf8' });
  const match = /PostgreSQL\)?\s+([\d.]+)/.exec(result.stdout ?? '');
  return match === null ? 'PostgreSQL' : `PostgreSQL ${match[1]}`;
}
