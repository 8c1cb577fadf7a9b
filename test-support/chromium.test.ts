// The Chromium lookup's order and its messages, on made-up machines: no browser is launched or installed.
import { describe, expect, it } from 'vitest';
import { CHROMIUM_HINT, lookUpChromium, type ChromiumProbe } from './chromium.ts';

interface FakeFile {
  executable?: boolean;
  /** Where a symlink points. */
  target?: string;
  head?: string;
}

const ELF = '\u007fELF\u0002\u0001\u0001';
const UBUNTU_STUB = '#!/bin/sh\nif ! [ -x /snap/bin/chromium ]; then\n  echo "Command \'$0\' requires the chromium snap to be installed." >&2\nfi\nexec /snap/bin/chromium "$@"\n';
const PLAYWRIGHT_CHROME = '/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

function machine(
  files: Record<string, FakeFile>,
  options: { env?: Record<string, string>; platform?: NodeJS.Platform; playwright?: string | { throws: true } } = {},
): ChromiumProbe {
  const resolve = (path: string): string | undefined => {
    const file = files[path];
    if (file === undefined) return undefined;
    return file.target === undefined ? path : resolve(file.target);
  };
  return {
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/home/dev', ...options.env },
    platform: options.platform ?? 'linux',
    isExecutable: (path) => {
      const real = resolve(path);
      return real !== undefined && files[real]?.executable !== false;
    },
    realPath: resolve,
    readHead: (path) => {
      const real = resolve(path);
      return real === undefined ? undefined : (files[real]?.head ?? ELF);
    },
    playwrightExecutable: () => {
      if (typeof options.playwright === 'object') throw new Error('unsupported platform');
      return options.playwright;
    },
  };
}

describe('lookUpChromium', () => {
  it('takes CHROMIUM_PATH before any system browser', () => {
    const probe = machine({ '/opt/chrome/chrome': {}, '/usr/bin/chromium': {} }, { env: { CHROMIUM_PATH: '/opt/chrome/chrome' } });
    expect(lookUpChromium(probe)).toEqual({ kind: 'found', path: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' });
  });

  it('says so when CHROMIUM_PATH points nowhere, instead of falling back', () => {
    const probe = machine({ '/usr/bin/chromium': {} }, { env: { CHROMIUM_PATH: '/nope/chrome' } });
    expect(lookUpChromium(probe)).toEqual({
      kind: 'bad-env',
      message: 'CHROMIUM_PATH=/nope/chrome does not exist; point it at a Chromium binary or unset it.',
    });
  });

  it('says so when CHROMIUM_PATH names a file that cannot run', () => {
    const probe = machine({ '/tmp/chrome.txt': { executable: false } }, { env: { CHROMIUM_PATH: '/tmp/chrome.txt' } });
    const lookup = lookUpChromium(probe);
    expect(lookup.kind).toBe('bad-env');
    expect(lookup.kind === 'bad-env' && lookup.message).toContain('is not an executable file');
  });

  it('ignores an empty CHROMIUM_PATH', () => {
    const probe = machine({ '/usr/bin/chromium': {} }, { env: { CHROMIUM_PATH: '' } });
    expect(lookUpChromium(probe)).toEqual({ kind: 'found', path: '/usr/bin/chromium', source: 'system' });
  });

  it("finds Debian's chromium on PATH", () => {
    const probe = machine({ '/usr/bin/chromium': {} });
    expect(lookUpChromium(probe)).toEqual({ kind: 'found', path: '/usr/bin/chromium', source: 'system' });
  });

  it('prefers chromium to google-chrome, and PATH order within a name', () => {
    const probe = machine({ '/usr/bin/google-chrome': {}, '/usr/bin/chromium': {}, '/usr/local/bin/chromium': {} });
    expect(lookUpChromium(probe)).toMatchObject({ path: '/usr/local/bin/chromium' });
  });

  it("finds Google's Chrome when it is the only browser", () => {
    const probe = machine({ '/usr/bin/google-chrome-stable': { target: '/opt/google/chrome/google-chrome' }, '/opt/google/chrome/google-chrome': { head: '#!/bin/bash\nexec -a "$0" "$HERE/chrome" "$@"\n' } });
    expect(lookUpChromium(probe)).toEqual({ kind: 'found', path: '/usr/bin/google-chrome-stable', source: 'system' });
  });

  it('finds a browser outside PATH in its fixed place', () => {
    const probe = machine({ '/usr/lib/chromium/chromium': {} }, { env: { PATH: '/bin' } });
    expect(lookUpChromium(probe)).toMatchObject({ path: '/usr/lib/chromium/chromium', source: 'system' });
  });

  it('passes over a file without the execute bit', () => {
    const probe = machine({ '/usr/bin/chromium': { executable: false } }, { playwright: PLAYWRIGHT_CHROME });
    expect(lookUpChromium(probe).kind).toBe('missing');
  });

  it("falls back to Playwright's browser when the system has none", () => {
    const probe = machine({ [PLAYWRIGHT_CHROME]: {} }, { playwright: PLAYWRIGHT_CHROME });
    expect(lookUpChromium(probe)).toEqual({ kind: 'found', path: PLAYWRIGHT_CHROME, source: 'playwright' });
  });

  it("ignores Playwright's path when that browser was never installed", () => {
    const probe = machine({}, { playwright: PLAYWRIGHT_CHROME });
    expect(lookUpChromium(probe)).toEqual({ kind: 'missing', message: `No Chromium found: ${CHROMIUM_HINT}.`, skipped: [] });
  });

  it('survives a Playwright that has no build for this platform', () => {
    expect(lookUpChromium(machine({}, { playwright: { throws: true } })).kind).toBe('missing');
  });

  it("passes over Ubuntu's snap launcher and names it in the message", () => {
    const probe = machine({ '/usr/bin/chromium-browser': { head: UBUNTU_STUB } });
    const lookup = lookUpChromium(probe);
    expect(lookup).toMatchObject({ kind: 'missing', skipped: ['/usr/bin/chromium-browser'] });
    expect(lookup.kind === 'missing' && lookup.message).toContain('skipped the snap launcher /usr/bin/chromium-browser');
  });

  it("uses Playwright's browser on Ubuntu, past the snap launcher", () => {
    const probe = machine({ '/usr/bin/chromium-browser': { head: UBUNTU_STUB }, '/snap/bin/chromium': { target: '/snap/chromium/current/usr/lib/chromium-browser/chrome' }, '/snap/chromium/current/usr/lib/chromium-browser/chrome': {}, [PLAYWRIGHT_CHROME]: {} }, { env: { PATH: '/snap/bin:/usr/bin' }, playwright: PLAYWRIGHT_CHROME });
    expect(lookUpChromium(probe)).toMatchObject({ path: PLAYWRIGHT_CHROME, source: 'playwright' });
  });

  it('finds the macOS apps, in /Applications or the home folder', () => {
    const chrome = '/home/dev/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(lookUpChromium(machine({ [chrome]: {} }, { platform: 'darwin' }))).toEqual({ kind: 'found', path: chrome, source: 'system' });
    const chromium = '/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(lookUpChromium(machine({ [chromium]: {}, [chrome]: {} }, { platform: 'darwin' }))).toMatchObject({ path: chromium });
  });

  it('reports one line that says how to get a browser', () => {
    const lookup = lookUpChromium(machine({}));
    expect(lookup.kind === 'missing' && lookup.message).toMatch(/^No Chromium found: set CHROMIUM_PATH .*apt-get install chromium.*npx playwright install --with-deps chromium.*\.$/);
    expect(lookup.kind === 'missing' && lookup.message).not.toContain('\n');
  });
});
