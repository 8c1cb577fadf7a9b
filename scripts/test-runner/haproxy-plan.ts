// What `npm test` does about HAProxy, which server/test/multi-instance.test.ts puts in front of three hub
// instances: use the one installed, install Debian's haproxy where it may (with PostgreSQL and Chromium, in
// the same apt-get run), or leave it out; that test then skips itself with a line saying why.
import { existsSync } from 'node:fs';
import type { InstallPermission } from './machine.ts';

export const HAPROXY_PACKAGE = 'haproxy';
/** Where Debian, Ubuntu and a source build put it; server/test/support/haproxy.ts looks in the same places. */
export const HAPROXY_PATHS: readonly string[] = ['/usr/sbin/haproxy', '/usr/local/sbin/haproxy', '/usr/bin/haproxy'];

export type HaproxyPlan = { kind: 'found'; path: string } | { kind: 'install'; packages: readonly string[] } | { kind: 'skip'; reason: string };

export function planHaproxy(found: string | undefined, permission: InstallPermission): HaproxyPlan {
  if (found !== undefined) return { kind: 'found', path: found };
  if (permission.allowed) return { kind: 'install', packages: [HAPROXY_PACKAGE] };
  return { kind: 'skip', reason: `no haproxy found (${HAPROXY_PATHS.join(', ')}) and npm test installs it only as root on Debian or Ubuntu (${permission.reason})` };
}

export function lookUpHaproxy(exists: (path: string) => boolean = existsSync): string | undefined {
  return HAPROXY_PATHS.find((p) => exists(p));
}
