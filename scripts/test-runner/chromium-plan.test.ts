// What `npm test` does when the lookup finds a browser, finds none, or is pointed at nothing.
import { describe, expect, it } from 'vitest';
import type { ChromiumLookup } from '../../test-support/chromium.ts';
import { planChromium } from './chromium-plan.ts';
import type { InstallPermission } from './machine.ts';

const MISSING: ChromiumLookup = { kind: 'missing', message: 'No Chromium found: set CHROMIUM_PATH ….', skipped: [] };
const DEBIAN_ROOT: InstallPermission = { allowed: true, family: 'debian' };
const UBUNTU_ROOT: InstallPermission = { allowed: true, family: 'ubuntu' };

describe('planChromium', () => {
  it('uses what the lookup found, without installing', () => {
    expect(planChromium({ kind: 'found', path: '/usr/bin/chromium', source: 'system' }, DEBIAN_ROOT)).toEqual({ kind: 'use', path: '/usr/bin/chromium', source: 'system' });
  });

  it("installs Debian's chromium as root on Debian", () => {
    expect(planChromium(MISSING, DEBIAN_ROOT)).toEqual({ kind: 'install', packages: ['chromium'] });
  });

  it("does not install Ubuntu's snap launcher, and points at Playwright's browser", () => {
    const plan = planChromium(MISSING, UBUNTU_ROOT);
    expect(plan.kind).toBe('fail');
    expect(plan.kind === 'fail' && plan.message).toMatch(/snap.*npx playwright install --with-deps chromium.*CHROMIUM_PATH/);
  });

  it('fails with the hint and the reason when it may not install', () => {
    expect(planChromium(MISSING, { allowed: false, reason: 'not running as root' })).toEqual({
      kind: 'fail',
      message: 'No Chromium found: set CHROMIUM_PATH …; npm test did not install one (not running as root).',
    });
  });

  it('never installs over a CHROMIUM_PATH that points nowhere', () => {
    expect(planChromium({ kind: 'bad-env', message: 'CHROMIUM_PATH=/x does not exist; …' }, DEBIAN_ROOT)).toEqual({ kind: 'fail', message: 'CHROMIUM_PATH=/x does not exist; …' });
  });
});
