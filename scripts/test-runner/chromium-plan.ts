// What `npm test` does about a browser: use the one the shared lookup found (test-support/chromium.ts),
// install Debian's chromium where it may, or stop with one line saying how to get one. Ubuntu's chromium
// package only installs the snap, which Playwright cannot drive, so on Ubuntu nothing is installed and
// the line points at Playwright's own browser, which the lookup then finds.
import { CHROMIUM_ENV, type ChromiumLookup, type ChromiumSource } from '../../test-support/chromium.ts';
import type { InstallPermission } from './machine.ts';

export const CHROMIUM_PACKAGE = 'chromium';

export type ChromiumPlan =
  | { kind: 'use'; path: string; source: ChromiumSource }
  | { kind: 'install'; packages: readonly string[] }
  | { kind: 'fail'; message: string };

export function planChromium(lookup: ChromiumLookup, permission: InstallPermission): ChromiumPlan {
  switch (lookup.kind) {
    case 'found':
      return { kind: 'use', path: lookup.path, source: lookup.source };
    case 'bad-env':
      return { kind: 'fail', message: lookup.message };
    case 'missing':
      if (!permission.allowed) return { kind: 'fail', message: `${lookup.message.replace(/\.$/, '')}; npm test did not install one (${permission.reason}).` };
      if (permission.family === 'ubuntu') {
        return {
          kind: 'fail',
          message:
            `No Chromium found, and Ubuntu's chromium package only installs the snap, which Playwright cannot drive: ` +
            `run "npx playwright install --with-deps chromium" (npm test then finds it) or set ${CHROMIUM_ENV}.`,
        };
      }
      return { kind: 'install', packages: [CHROMIUM_PACKAGE] };
  }
}
