// The hub's settings from its environment and arguments, with the defaults a newcomer expects:
// 127.0.0.1:8080, data in .data/ under the working directory, PGlite unless DATABASE_URL is set.
import { join, resolve } from 'node:path';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = '.data';
export const DEFAULT_LOG_LEVEL = 'info';
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** ADMIN_TOKEN is at least this long; a generated token (auth/tokens.ts) is 43 characters. */
export const MIN_ADMIN_TOKEN_LENGTH = 32;
/** The characters of a bearer token (RFC 6750's b64token); a token outside them could never be sent. */
const BEARER_ALPHABET = /^[A-Za-z0-9._~+/-]+=*$/;

/** ADMIN_TOKEN as given, or an Error that says what is wrong with it (never echoing it). */
export function checkAdminToken(token: string): string {
  if (!BEARER_ALPHABET.test(token)) {
    throw new Error('ADMIN_TOKEN may contain only A-Z a-z 0-9 . _ ~ + / - (and = at the end): other characters can never be sent as a bearer token');
  }
  if (token.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new Error(`ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters long (it has ${token.length}); unset it to have one generated`);
  }
  return token;
}

export interface HubConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminToken: string | undefined;
  /** A separate bearer token for GET /metrics (a scraper need not hold the admin token); the admin token works too. */
  metricsToken: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  /** The till's address as people's tablets reach it (pairing URLs and QR codes, demo pairing); never taken from a request. */
  publicUrl: string;
  demo: boolean;
  /** Open connections one client address may hold; undefined: the hub's default; Infinity: no limit. */
  maxConnectionsPerAddress: number | undefined;
}

/** PUBLIC_URL, or http://<host>:<port> (localhost for a wildcard host: set PUBLIC_URL when tablets connect over the network). */
export function publicUrlOf(env: NodeJS.ProcessEnv, host: string, port: number): string {
  const configured = env['PUBLIC_URL'];
  if (configured !== undefined && configured !== '') {
    let url: URL;
    try {
      url = new URL(configured);
    } catch {
      throw new Error(`PUBLIC_URL must be an http(s) URL, got ${configured}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`PUBLIC_URL must be an http(s) URL, got ${configured}`);
    return configured.replace(/\/+$/, '');
  }
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

export function readConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): HubConfig {
  const port = env['PORT'] === undefined || env['PORT'] === '' ? DEFAULT_PORT : Number(env['PORT']);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number, got ${env['PORT']}`);
  const nonEmpty = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);
  const logLevel = nonEmpty(env['LOG_LEVEL']) ?? DEFAULT_LOG_LEVEL;
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${logLevel}`);
  const host = nonEmpty(env['HOST']) ?? DEFAULT_HOST;
  return {
    port,
    host,
    publicUrl: publicUrlOf(env, host, port),
    dataDir: resolve(nonEmpty(env['EZO_DATA_DIR']) ?? DEFAULT_DATA_DIR),
    databaseUrl: nonEmpty(env['DATABASE_URL']),
    adminToken: env['ADMIN_TOKEN'] === undefined || env['ADMIN_TOKEN'] === '' ? undefined : checkAdminToken(env['ADMIN_TOKEN']),
    metricsToken: nonEmpty(env['METRICS_TOKEN']),
    logLevel: logLevel as HubConfig['logLevel'],
    demo: argv.includes('--demo'),
    maxConnectionsPerAddress: connectionLimit(env['MAX_CONNECTIONS_PER_ADDRESS']),
  };
}

export const pgliteDir = (config: HubConfig) => join(config.dataDir, 'pglite');
export const adminTokenFile = (config: HubConfig) => join(config.dataDir, 'admin-token');
/** The demo owner's back-office password and the demo cashier's and manager's PINs (first run of a demo store). */
export const ownerPasswordFile = (config: HubConfig) => join(config.dataDir, 'owner-password');
export const demoPinsFile = (config: HubConfig) => join(config.dataDir, 'demo-pins');

/** MAX_CONNECTIONS_PER_ADDRESS: a positive integer, or 0 for no limit (behind a load balancer all clients share its address). */
function connectionLimit(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`MAX_CONNECTIONS_PER_ADDRESS must be a whole number (0: no limit), got ${raw}`);
  return n === 0 ? Number.POSITIVE_INFINITY : n;
}
