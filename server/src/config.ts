// The hub's settings from its environment and arguments, with the defaults a newcomer expects:
// 127.0.0.1:8080, data in .data/ under the working directory, PGlite unless DATABASE_URL is set.
import { join, resolve } from 'node:path';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = '.data';

export interface HubConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminToken: string | undefined;
  /** The till's address as people's tablets reach it (pairing URLs and QR codes, demo pairing); never taken from a request. */
  publicUrl: string;
  demo: boolean;
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
  const host = nonEmpty(env['HOST']) ?? DEFAULT_HOST;
  return {
    port,
    host,
    publicUrl: publicUrlOf(env, host, port),
    dataDir: resolve(nonEmpty(env['EZO_DATA_DIR']) ?? DEFAULT_DATA_DIR),
    databaseUrl: nonEmpty(env['DATABASE_URL']),
    adminToken: nonEmpty(env['ADMIN_TOKEN']),
    demo: argv.includes('--demo'),
  };
}

export const pgliteDir = (config: HubConfig) => join(config.dataDir, 'pglite');
export const adminTokenFile = (config: HubConfig) => join(config.dataDir, 'admin-token');
/** The demo owner's back-office password and the demo cashier's and manager's PINs (first run of a demo store). */
export const ownerPasswordFile = (config: HubConfig) => join(config.dataDir, 'owner-password');
export const demoPinsFile = (config: HubConfig) => join(config.dataDir, 'demo-pins');
