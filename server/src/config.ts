// The hub's settings from its environment and arguments, with the defaults a newcomer expects:
// 127.0.0.1:8080, data in .data/ under the working directory, PGlite unless DATABASE_URL is set.
import { join, resolve } from 'node:path';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = '.data';
export const DEFAULT_LOG_LEVEL = 'info';
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface HubConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminToken: string | undefined;
  /** A separate bearer token for GET /metrics (a scraper need not hold the admin token); the admin token works too. */
  metricsToken: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  demo: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): HubConfig {
  const port = env['PORT'] === undefined || env['PORT'] === '' ? DEFAULT_PORT : Number(env['PORT']);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number, got ${env['PORT']}`);
  const nonEmpty = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);
  const logLevel = nonEmpty(env['LOG_LEVEL']) ?? DEFAULT_LOG_LEVEL;
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${logLevel}`);
  return {
    port,
    host: nonEmpty(env['HOST']) ?? DEFAULT_HOST,
    dataDir: resolve(nonEmpty(env['EZO_DATA_DIR']) ?? DEFAULT_DATA_DIR),
    databaseUrl: nonEmpty(env['DATABASE_URL']),
    adminToken: nonEmpty(env['ADMIN_TOKEN']),
    metricsToken: nonEmpty(env['METRICS_TOKEN']),
    logLevel: logLevel as HubConfig['logLevel'],
    demo: argv.includes('--demo'),
  };
}

export const pgliteDir = (config: HubConfig) => join(config.dataDir, 'pglite');
export const adminTokenFile = (config: HubConfig) => join(config.dataDir, 'admin-token');
export const demoTokenFile = (config: HubConfig) => join(config.dataDir, 'demo-terminal-token');
