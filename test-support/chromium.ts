// Where the tests find a browser. No browser can be downloaded on our machines
// (`npx playwright install` fails), so every test launches the system Chromium.
import { existsSync } from 'node:fs';

/** Environment variable that names a Chromium binary; checked before the Debian default. */
export const CHROMIUM_ENV = 'CHROMIUM_PATH';
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

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

/** The Chromium to launch, or undefined when none is installed. */
export function findChromium(): string | undefined {
  try {
    return chromiumPath();
  } catch {
    return undefined;
  }
}

/** The Chromium to launch; throws a one-line hint when none is installed. */
export function chromiumPath(): string {
  const fromEnv = process.env[CHROMIUM_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!existsSync(fromEnv)) throw new Error(`${CHROMIUM_ENV}=${fromEnv} does not exist; point it at a Chromium binary.`);
    return fromEnv;
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  throw new Error(`No Chromium found: run "apt-get install chromium" or set ${CHROMIUM_ENV} to a Chromium binary.`);
}
