// The one place that says which Chromium the tests launch: the Vitest browser project, Playwright, the
// bench, the icon script and `npm test` all ask here. CHROMIUM_PATH first, then the system's browser,
// then the one `npx playwright install chromium` put in place. The machine is read through a probe so
// the order can be tested without a browser (test-support/chromium.test.ts).
import { accessSync, closeSync, constants, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { chromium } from 'playwright-core';

/** Environment variable that names a Chromium binary; checked before anything else. */
export const CHROMIUM_ENV = 'CHROMIUM_PATH';

/** Flags for a headless Chromium on a machine without outside network, running as root. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Names looked up on PATH, in this order: Debian's, older Ubuntu's, Google's. */
export const CHROMIUM_COMMANDS: readonly string[] = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
/** Fixed places a browser lives when its directory is not on PATH. */
const LINUX_PLACES: readonly string[] = ['/usr/lib/chromium/chromium', '/usr/lib/chromium-browser/chromium-browser', '/opt/google/chrome/chrome'];
const MAC_APPS: readonly string[] = ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome'];
/** Enough of a file to tell a launcher script from a browser binary. */
const HEAD_BYTES = 4096;

/** One line saying how to get a browser; every "not found" ends with it. */
export const CHROMIUM_HINT =
  `set ${CHROMIUM_ENV} to a Chromium or Chrome binary, install Debian's ("apt-get install chromium"; npm test does it when run as root on Debian) ` +
  `or Playwright's ("npx playwright install --with-deps chromium")`;

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'playwright';

export type ChromiumLookup =
  | { kind: 'found'; path: string; source: ChromiumSource }
  /** CHROMIUM_PATH is set but names no executable file: an error, never a silent fallback. */
  | { kind: 'bad-env'; message: string }
  /** `skipped` lists browsers seen but not usable (Ubuntu's snap launchers), for the message. */
  | { kind: 'missing'; message: string; skipped: string[] };

/** What the lookup reads from the machine. */
export interface ChromiumProbe {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** True for an existing regular file this process may execute. */
  isExecutable(path: string): boolean;
  /** The path with symlinks resolved, or undefined when it does not exist. */
  realPath(path: string): string | undefined;
  /** The first few KiB of a file as text, or undefined when it cannot be read. */
  readHead(path: string): string | undefined;
  /** Where Playwright keeps its own Chromium (whether or not it is installed); may throw on a platform it does not support. */
  playwrightExecutable(): string | undefined;
}

/** The first usable Chromium: CHROMIUM_PATH, the system's, Playwright's. */
export function lookUpChromium(probe: ChromiumProbe): ChromiumLookup {
  const fromEnv = probe.env[CHROMIUM_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (probe.realPath(fromEnv) === undefined) {
      return { kind: 'bad-env', message: `${CHROMIUM_ENV}=${fromEnv} does not exist; point it at a Chromium binary or unset it.` };
    }
    if (!probe.isExecutable(fromEnv)) {
      return { kind: 'bad-env', message: `${CHROMIUM_ENV}=${fromEnv} is not an executable file; point it at a Chromium binary or unset it.` };
    }
    return { kind: 'found', path: fromEnv, source: 'CHROMIUM_PATH' };
  }
  const skipped: string[] = [];
  for (const candidate of systemCandidates(probe)) {
    if (!probe.isExecutable(candidate)) continue;
    if (isSnapLauncher(probe, candidate)) {
      skipped.push(candidate);
      continue;
    }
    return { kind: 'found', path: candidate, source: 'system' };
  }
  const fromPlaywright = playwrightExecutable(probe);
  if (fromPlaywright !== undefined && probe.isExecutable(fromPlaywright)) {
    return { kind: 'found', path: fromPlaywright, source: 'playwright' };
  }
  const snapNote = skipped.length === 0 ? '' : ` (skipped the snap launcher ${skipped.join(', ')}: Playwright cannot drive the snap's confined Chromium)`;
  return { kind: 'missing', message: `No Chromium found${snapNote}: ${CHROMIUM_HINT}.`, skipped };
}

function playwrightExecutable(probe: ChromiumProbe): string | undefined {
  try {
    return probe.playwrightExecutable();
  } catch {
    return undefined; // a platform Playwright has no build for
  }
}

/** The places a system browser may be, most likely first. */
function systemCandidates(probe: ChromiumProbe): string[] {
  if (probe.platform === 'darwin') {
    const home = probe.env['HOME'] ?? homedir();
    return MAC_APPS.flatMap((app) => [`/Applications/${app}`, `${home}/Applications/${app}`]);
  }
  if (probe.platform === 'win32') return []; // Playwright's browser is the way on Windows.
  const dirs = (probe.env['PATH'] ?? '').split(':').filter((dir) => dir !== '');
  return [...CHROMIUM_COMMANDS.flatMap((name) => dirs.map((dir) => `${dir}/${name}`)), ...LINUX_PLACES];
}

/**
 * Ubuntu's `chromium` and `chromium-browser` packages install a shell script that starts the snap (or
 * says to install it). The snap's confinement keeps it from the profiles Playwright creates, so such a
 * launcher is passed over rather than failing later with an unrelated launch error.
 */
function isSnapLauncher(probe: ChromiumProbe, path: string): boolean {
  if (probe.realPath(path)?.startsWith('/snap/') === true) return true;
  const head = probe.readHead(path);
  return head !== undefined && head.startsWith('#!') && head.includes('/snap/');
}

/** The machine this process runs on. */
export const machineChromiumProbe: ChromiumProbe = {
  env: process.env,
  platform: process.platform,
  isExecutable(path) {
    try {
      accessSync(path, constants.X_OK);
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
  realPath(path) {
    try {
      return realpathSync(path);
    } catch {
      return undefined;
    }
  },
  readHead(path) {
    try {
      const fd = openSync(path, 'r');
      try {
        const buffer = Buffer.alloc(HEAD_BYTES);
        return buffer.toString('latin1', 0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
      } finally {
        closeSync(fd);
      }
    } catch {
      return undefined;
    }
  },
  playwrightExecutable() {
    const path = chromium.executablePath();
    return path === '' ? undefined : path;
  },
};

/** The Chromium to launch, or undefined when there is none (the configs then leave the choice to Playwright). */
export function findChromium(): string | undefined {
  const lookup = lookUpChromium(machineChromiumProbe);
  return lookup.kind === 'found' ? lookup.path : undefined;
}

/** The Chromium to launch; throws a one-line hint when there is none. */
export function chromiumPath(): string {
  const lookup = lookUpChromium(machineChromiumProbe);
  if (lookup.kind === 'found') return lookup.path;
  throw new Error(lookup.message);
}
