// When a wake-up counts as done and when a queued sale deserves a Background Sync registration.
import { describe, expect, it } from 'vitest';
import { hubUnreachable, needsPushWakeup } from './sync-wakeups.ts';

const reached = { online: true, authorised: true, lastError: null, pending: 0 };
const at = '2026-11-25T15:00:00.000Z';

describe('hubUnreachable', () => {
  it('is false only when online, authorised and the last attempt got an answer', () => {
    expect(hubUnreachable(reached)).toBe(false);
    expect(hubUnreachable({ ...reached, lastError: { code: 'server', message: '503', at } })).toBe(false);
    expect(hubUnreachable({ ...reached, online: false })).toBe(true);
    expect(hubUnreachable({ ...reached, authorised: false })).toBe(true);
    expect(hubUnreachable({ ...reached, lastError: { code: 'offline', message: 'no answer', at } })).toBe(true);
  });
});

describe('needsPushWakeup', () => {
  it('asks for a sync wake-up only when something waits and the hub was not reached', () => {
    expect(needsPushWakeup({ ...reached, pending: 2 })).toBe(false);
    expect(needsPushWakeup({ ...reached, online: false })).toBe(false);
    expect(needsPushWakeup({ ...reached, online: false, pending: 1 })).toBe(true);
    expect(needsPushWakeup({ ...reached, pending: 1, lastError: { code: 'offline', message: 'refused', at } })).toBe(true);
  });
});
