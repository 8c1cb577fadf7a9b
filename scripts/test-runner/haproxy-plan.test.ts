import { describe, expect, it } from 'vitest';
import { lookUpHaproxy, planHaproxy } from './haproxy-plan.ts';

describe('planHaproxy', () => {
  it('uses the one installed', () => {
    expect(planHaproxy('/usr/sbin/haproxy', { allowed: false, reason: 'not root' })).toEqual({ kind: 'found', path: '/usr/sbin/haproxy' });
  });
  it('installs Debian’s package as root on Debian', () => {
    expect(planHaproxy(undefined, { allowed: true, family: 'debian' })).toEqual({ kind: 'install', packages: ['haproxy'] });
  });
  it('otherwise skips, saying why', () => {
    const plan = planHaproxy(undefined, { allowed: false, reason: 'not root' });
    expect(plan.kind === 'skip' && plan.reason).toMatch(/no haproxy found .* \(not root\)/);
  });
  it('looks in the usual places', () => {
    expect(lookUpHaproxy((p) => p === '/usr/local/sbin/haproxy')).toBe('/usr/local/sbin/haproxy');
    expect(lookUpHaproxy(() => false)).toBeUndefined();
  });
});
