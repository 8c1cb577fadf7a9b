// The hub starts as `npm start` starts it, on the Node running this test: on Node 22 and 24 through
// Node's own type stripping (no compiler at run time), on Node 20 through tsx. A syntax that stripping
// cannot erase, or an import without its extension, fails here, not in a user's terminal.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO_ROOT = join(import.meta.dirname, '../..');
/** PGlite's first start (initdb and the migrations) on a loaded 2-core machine. */
const BOOT_TIMEOUT_MS = 90_000;

describe('the hub boots', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ezo-boot-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(`answers /api/v1/health after \`node scripts/run-ts.mjs server/src/main.ts\` on Node ${process.versions.node}`, async () => {
    const child = spawn(process.execPath, ['scripts/run-ts.mjs', 'server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', EZO_DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL within ${BOOT_TIMEOUT_MS} ms:\n${output}`)), BOOT_TIMEOUT_MS);
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /ezo hub: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
          if (match?.[1] !== undefined) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        child.once('exit', (code) => reject(new Error(`the hub exited (${code}) before listening:\n${output}`)));
      });
      const health = await fetch(`${url}/api/v1/health`);
      expect(health.status, output).toBe(200);
      expect(output).not.toMatch(/ExperimentalWarning|Error/);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }, BOOT_TIMEOUT_MS + 10_000);
});
