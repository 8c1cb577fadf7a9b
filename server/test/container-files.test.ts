// Docker cannot run here, so the Dockerfile and compose.yaml are checked as files: every path the
// Dockerfile copies exists and is not excluded by .dockerignore, the image holds every file the hub
// imports when it starts, it runs as a non-root user with a readiness HEALTHCHECK, and the compose file
// wires the hub to its PostgreSQL without a secret written in it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SHUTDOWN_GRACE_MS } from '../src/http/lifecycle.ts';

const ROOT = join(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

interface Instruction {
  op: string;
  args: string;
  stage: number;
}

/** The Dockerfile's instructions, continuation lines joined, comments dropped, each with its stage. */
function instructions(text: string): Instruction[] {
  const joined = text.replace(/\\\n/g, ' ');
  let stage = -1;
  const out: Instruction[] = [];
  for (const raw of joined.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [op = '', ...rest] = line.split(/\s+/);
    if (op.toUpperCase() === 'FROM') stage++;
    out.push({ op: op.toUpperCase(), args: rest.join(' '), stage });
  }
  return out;
}

const ignored = read('.dockerignore')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'));
const isIgnored = (path: string) => ignored.some((p) => (p.startsWith('*') ? path.endsWith(p.slice(1)) : path === p || path.startsWith(`${p}/`)));

/** Relative and @ezo/contract imports of a TypeScript/JavaScript file, resolved to repository paths. */
function importsOf(file: string): string[] {
  const text = read(file);
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1] ?? '');
  const found: string[] = [];
  for (const spec of specs) {
    if (spec.startsWith('.')) found.push(normalize(join(dirname(file), spec)));
    else if (spec.startsWith('@ezo/contract/')) found.push(`contract/src/${spec.slice('@ezo/contract/'.length)}.ts`);
  }
  // the PGlite worker is started by path, not imported
  if (text.includes("'./pglite-worker-entry.mjs'") || text.includes('pglite-worker-entry.mjs')) found.push(normalize(join(dirname(file), 'pglite-worker-entry.mjs')));
  return found;
}

describe('Dockerfile', () => {
  const steps = instructions(read('Dockerfile'));
  const stages = steps.filter((s) => s.op === 'FROM');
  const finalStage = stages.length - 1;

  it('builds in stages from node:24-slim and names the ones it copies from', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const s of stages) expect(s.args).toMatch(/^node:24-slim\b/);
    const names = stages.map((s) => /\bAS\s+(\S+)/i.exec(s.args)?.[1]).filter((n) => n !== undefined);
    for (const c of steps.filter((s) => s.op === 'COPY' && s.args.startsWith('--from='))) {
      expect(names).toContain(/^--from=(\S+)/.exec(c.args)?.[1]);
    }
  });

  it('copies only paths that exist and that .dockerignore lets through', () => {
    const copies = steps.filter((s) => s.op === 'COPY' && !s.args.startsWith('--from='));
    expect(copies.length).toBeGreaterThan(5);
    for (const c of copies) {
      const parts = c.args.split(/\s+/);
      for (const source of parts.slice(0, -1)) {
        expect(existsSync(join(ROOT, source)), `COPY ${source}`).toBe(true);
        expect(isIgnored(source), `COPY ${source} is in .dockerignore`).toBe(false);
      }
    }
  });

  it('holds every file the hub loads from server/src/main.ts on in its final stage', () => {
    const copied = steps.filter((s) => s.stage === finalStage && s.op === 'COPY' && !s.args.startsWith('--from=')).map((s) => s.args.split(/\s+/).at(-1)?.replace(/\/$/, '') ?? '');
    const seen = new Set<string>();
    const queue = ['server/src/main.ts'];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      expect(existsSync(join(ROOT, file)), file).toBe(true);
      queue.push(...importsOf(file));
    }
    expect(seen.size).toBeGreaterThan(40);
    for (const file of seen) {
      const inImage = copied.some((target) => file === target || file.startsWith(`${target}/`) || relative(target, file) === '');
      expect(inImage, `${file} is not copied into the image`).toBe(true);
    }
  });

  it('runs the hub as a non-root user, with a HEALTHCHECK on /health/ready', () => {
    const final = steps.filter((s) => s.stage === finalStage);
    const user = final.filter((s) => s.op === 'USER').at(-1);
    expect(user?.args).toBeDefined();
    expect(user?.args).not.toMatch(/^(root|0)$/);
    expect(final.find((s) => s.op === 'HEALTHCHECK')?.args).toContain('/health/ready');
    expect(final.find((s) => s.op === 'CMD')?.args).toBe('["node", "scripts/run-ts.mjs", "server/src/main.ts"]');
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as {
    services: Record<string, { build?: string; image?: string; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }>; healthcheck?: unknown; stop_grace_period?: string }>;
  };

  it('starts the hub from this Dockerfile after its PostgreSQL is healthy', () => {
    const { hub, db } = compose.services;
    expect(hub?.build).toBe('.');
    expect(db?.image).toMatch(/^postgres:\d+/);
    expect(db?.healthcheck).toBeDefined();
    expect(hub?.depends_on?.['db']?.condition).toBe('service_healthy');
    expect(hub?.environment?.['DATABASE_URL']).toMatch(/^postgres:\/\/ezo:\$\{POSTGRES_PASSWORD:-ezo\}@db:5432\/ezo$/);
  });

  it('takes its tokens from the environment and lets a stop drain', () => {
    const env = compose.services['hub']?.environment ?? {};
    expect(env['ADMIN_TOKEN']).toMatch(/^\$\{ADMIN_TOKEN:\?/);
    expect(env['METRICS_TOKEN']).toMatch(/^\$\{METRICS_TOKEN/);
    const grace = Number(/^(\d+)s$/.exec(compose.services['hub']?.stop_grace_period ?? '')?.[1]) * 1000;
    expect(grace).toBeGreaterThan(SHUTDOWN_GRACE_MS);
  });
});
