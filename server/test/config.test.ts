// The hub's settings from its environment: defaults, the operator settings (METRICS_TOKEN, LOG_LEVEL),
// and a clear error for a value it cannot use.
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOST, DEFAULT_LOG_LEVEL, DEFAULT_PORT, readConfig } from '../src/config.ts';

describe('readConfig', () => {
  it('has the documented defaults; empty values count as unset', () => {
    const c = readConfig({ METRICS_TOKEN: '', LOG_LEVEL: '' }, []);
    expect(c).toMatchObject({ port: DEFAULT_PORT, host: DEFAULT_HOST, databaseUrl: undefined, adminToken: undefined, metricsToken: undefined, logLevel: DEFAULT_LOG_LEVEL, demo: false });
  });

  it('reads METRICS_TOKEN and LOG_LEVEL', () => {
    expect(readConfig({ METRICS_TOKEN: 'scrape', LOG_LEVEL: 'warn' }, ['--demo'])).toMatchObject({ metricsToken: 'scrape', logLevel: 'warn', demo: true });
  });

  it('refuses a log level pino does not have, and a bad port, saying which', () => {
    expect(() => readConfig({ LOG_LEVEL: 'verbose' }, [])).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got verbose/);
    expect(() => readConfig({ PORT: 'http' }, [])).toThrow(/PORT must be a port number/);
  });
});
