// The steps see the Chromium and database npm test set up; a skipped PostgreSQL is really skipped.
import { describe, expect, it } from 'vitest';
import type { Resources } from './provision.ts';
import { blockedBy, stepEnv } from './step-env.ts';
import { STEPS } from './steps.ts';

const READY: Resources = { chromium: { ok: true, path: '/usr/bin/chromium' }, databaseUrl: 'postgres://ezo@127.0.0.1:41000/postgres', postgresFailure: undefined };
const step = (id: string) => STEPS.find((s) => s.id === id) ?? STEPS[0]!;

describe('stepEnv', () => {
  it('passes the Chromium found and the cluster started', () => {
    expect(stepEnv({ PATH: '/bin' }, READY)).toEqual({ PATH: '/bin', CHROMIUM_PATH: '/usr/bin/chromium', TEST_DATABASE_URL: 'postgres://ezo@127.0.0.1:41000/postgres' });
  });

  it('drops a TEST_DATABASE_URL from the environment when the PostgreSQL half is skipped', () => {
    expect(stepEnv({ TEST_DATABASE_URL: 'postgres://me@db/postgres' }, { ...READY, databaseUrl: undefined })).not.toHaveProperty('TEST_DATABASE_URL');
  });

  it('leaves the environment alone before anything was set up (lint, typecheck)', () => {
    expect(stepEnv({ TEST_DATABASE_URL: 'x' }, undefined)).toEqual({ TEST_DATABASE_URL: 'x' });
  });
});

describe('blockedBy', () => {
  it('fails a step that needs the missing Chromium, with its message', () => {
    const resources: Resources = { ...READY, chromium: { ok: false, message: 'No Chromium found: …' } };
    expect(blockedBy(step('unit'), resources)).toBe('No Chromium found: …');
    expect(blockedBy(step('lint'), resources)).toBeUndefined();
  });

  it('fails a step that needs a cluster that would not start', () => {
    const resources: Resources = { ...READY, postgresFailure: 'the throwaway PostgreSQL did not start: …' };
    expect(blockedBy(step('e2e'), resources)).toBe('the throwaway PostgreSQL did not start: …');
    expect(blockedBy(step('browser'), resources)).toBeUndefined();
  });
});
