// When `npm test` may install packages: only as root on Debian, Ubuntu or a derivative.
import { describe, expect, it } from 'vitest';
import { aptFamily, packageInstallPermission, parseOsRelease, type Machine } from './machine.ts';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nVERSION="24.04 LTS (Noble Numbat)"\nID=ubuntu\nID_LIKE=debian\n';
const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
const RASPBIAN = "ID=raspbian\nID_LIKE='debian'\n";
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';

function machine(overrides: Partial<Machine>): Machine {
  return { platform: 'linux', arch: 'x64', isRoot: true, os: parseOsRelease(DEBIAN), glibc: true, nodeVersion: '20.20.2', ...overrides };
}

describe('parseOsRelease', () => {
  it('reads ID and ID_LIKE, quoted or not', () => {
    expect(parseOsRelease(DEBIAN)).toEqual({ id: 'debian', idLike: [] });
    expect(parseOsRelease(MINT)).toEqual({ id: 'linuxmint', idLike: ['ubuntu', 'debian'] });
    expect(parseOsRelease(RASPBIAN)).toEqual({ id: 'raspbian', idLike: ['debian'] });
  });
});

describe('aptFamily', () => {
  it('tells Ubuntu and its derivatives from Debian and its derivatives', () => {
    expect(aptFamily(parseOsRelease(DEBIAN))).toBe('debian');
    expect(aptFamily(parseOsRelease(RASPBIAN))).toBe('debian');
    expect(aptFamily(parseOsRelease(UBUNTU))).toBe('ubuntu');
    expect(aptFamily(parseOsRelease(MINT))).toBe('ubuntu');
    expect(aptFamily(parseOsRelease(FEDORA))).toBeUndefined();
    expect(aptFamily(undefined)).toBeUndefined();
  });
});

describe('packageInstallPermission', () => {
  it('allows root on Debian and Ubuntu', () => {
    expect(packageInstallPermission(machine({}), false)).toEqual({ allowed: true, family: 'debian' });
    expect(packageInstallPermission(machine({ os: parseOsRelease(UBUNTU) }), false)).toEqual({ allowed: true, family: 'ubuntu' });
  });

  it('refuses, with the reason, anyone else', () => {
    expect(packageInstallPermission(machine({ isRoot: false }), false)).toEqual({ allowed: false, reason: 'not running as root' });
    expect(packageInstallPermission(machine({ os: parseOsRelease(FEDORA) }), false)).toEqual({ allowed: false, reason: 'this system (ID=fedora) is not Debian or Ubuntu' });
    expect(packageInstallPermission(machine({ platform: 'darwin', os: undefined, isRoot: false }), false)).toEqual({ allowed: false, reason: 'this system (darwin) is not Debian or Ubuntu' });
  });

  it('refuses when EZO_TEST_SKIP has "apt"', () => {
    expect(packageInstallPermission(machine({}), true)).toEqual({ allowed: false, reason: 'EZO_TEST_SKIP has "apt"' });
  });
});
