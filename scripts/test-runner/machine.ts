// What `npm test` knows about the machine it runs on, and the one rule for when it may install system
// packages: as root on Debian, Ubuntu or a derivative (apt-get), unless EZO_TEST_SKIP has "apt".
import { readFileSync } from 'node:fs';

/** The fields of /etc/os-release that name the distribution and what it derives from. */
export interface OsRelease {
  id: string;
  idLike: string[];
}

export interface Machine {
  platform: NodeJS.Platform;
  arch: string;
  isRoot: boolean;
  /** Undefined where /etc/os-release is missing (macOS, Windows, minimal images). */
  os: OsRelease | undefined;
  /** Whether the C library is glibc; the npm registry's Node binaries need it. */
  glibc: boolean;
  /** This Node's version without the "v". */
  nodeVersion: string;
}

export type AptFamily = 'debian' | 'ubuntu';

export type InstallPermission = { allowed: true; family: AptFamily } | { allowed: false; reason: string };

const OS_RELEASE = '/etc/os-release';

/** Parses os-release's KEY=value lines (values may be quoted); unknown keys are ignored. */
export function parseOsRelease(text: string): OsRelease {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match === null) continue;
    const [, key = '', raw = ''] = match;
    fields.set(key, raw.replace(/^(["'])(.*)\1$/, '$2'));
  }
  const words = (value: string | undefined): string[] => (value ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
  return { id: words(fields.get('ID'))[0] ?? '', idLike: words(fields.get('ID_LIKE')) };
}

/** Ubuntu and its derivatives first (they also say "debian"), then Debian and its derivatives. */
export function aptFamily(os: OsRelease | undefined): AptFamily | undefined {
  if (os === undefined) return undefined;
  const names = [os.id, ...os.idLike];
  if (names.includes('ubuntu')) return 'ubuntu';
  if (names.includes('debian')) return 'debian';
  return undefined;
}

export function packageInstallPermission(machine: Machine, aptSkipped: boolean): InstallPermission {
  if (aptSkipped) return { allowed: false, reason: 'EZO_TEST_SKIP has "apt"' };
  const family = aptFamily(machine.os);
  if (family === undefined) {
    const name = machine.os === undefined ? machine.platform : `ID=${machine.os.id}`;
    return { allowed: false, reason: `this system (${name}) is not Debian or Ubuntu` };
  }
  if (!machine.isRoot) return { allowed: false, reason: 'not running as root' };
  return { allowed: true, family };
}

export function readMachine(): Machine {
  let os: OsRelease | undefined;
  try {
    os = parseOsRelease(readFileSync(OS_RELEASE, 'utf8'));
  } catch {
    os = undefined;
  }
  const header = process.report.getReport() as { header?: { glibcVersionRuntime?: string } };
  return {
    platform: process.platform,
    arch: process.arch,
    isRoot: process.getuid?.() === 0,
    os,
    glibc: header.header?.glibcVersionRuntime !== undefined,
    nodeVersion: process.versions.node,
  };
}
