// Sets up what the test steps need, once, before the first of them: a Chromium, a PostgreSQL and (for the
// multi-instance test, with PostgreSQL) HAProxy. All are looked up first; whatever is missing and may be installed goes into one apt-get run; then the
// throwaway cluster starts (stopped and removed by the cleanup, however the run ends).
import { lookUpChromium, machineChromiumProbe, type ChromiumSource } from '../../test-support/chromium.ts';
import { aptInstall } from './apt.ts';
import { planChromium, type ChromiumPlan } from './chromium-plan.ts';
import { lookUpHaproxy, planHaproxy } from './haproxy-plan.ts';
import { onCleanup } from './cleanup.ts';
import type { Interrupts } from './interrupts.ts';
import { packageInstallPermission, type Machine } from './machine.ts';
import { lookUpPostgres, machinePostgresProbe } from './postgres-binaries.ts';
import { startCluster } from './postgres-cluster.ts';
import { planPostgres, postgresSkippedLine, TEST_DATABASE_ENV, type PostgresPlan } from './postgres-plan.ts';
import type { SkipName } from './skip-list.ts';
import { formatDuration } from './summary.ts';

export interface Resources {
  chromium: { ok: true; path: string } | { ok: false; message: string };
  /** What the steps get as TEST_DATABASE_URL; undefined when the PostgreSQL half is skipped. */
  databaseUrl: string | undefined;
  /** Set when PostgreSQL was there but the cluster would not start: the steps that need it fail. */
  postgresFailure: string | undefined;
}

export interface ProvisionContext {
  machine: Machine;
  skip: ReadonlySet<SkipName>;
  interrupts: Interrupts;
  /** Lines for the summary: what was found, installed or started. */
  setup: string[];
  log: (line: string) => void;
}

const SOURCE_NAMES: Record<ChromiumSource, string> = { CHROMIUM_PATH: 'from CHROMIUM_PATH', system: "the system's", playwright: "Playwright's" };

export async function provision(needs: { chromium: boolean; postgres: boolean }, context: ProvisionContext): Promise<Resources> {
  const { machine, skip, setup, log } = context;
  const permission = packageInstallPermission(machine, skip.has('apt'));
  let chromium: ChromiumPlan = needs.chromium ? planChromium(lookUpChromium(machineChromiumProbe), permission) : { kind: 'fail', message: 'not needed' };
  let postgres: PostgresPlan = needs.postgres
    ? planPostgres(process.env[TEST_DATABASE_ENV], skip.has('postgres'), lookUpPostgres(machinePostgresProbe), permission)
    : { kind: 'skip', reason: 'no step that needs it runs' };

  // HAProxy matters only with PostgreSQL (the multi-instance test); without it that test skips itself.
  const haproxy = needs.postgres && postgres.kind !== 'skip' ? planHaproxy(lookUpHaproxy(), permission) : undefined;
  const packages = [
    ...(chromium.kind === 'install' ? chromium.packages : []),
    ...(postgres.kind === 'install' ? postgres.packages : []),
    ...(haproxy?.kind === 'install' ? haproxy.packages : []),
  ];
  if (packages.length > 0) {
    log(`installing ${packages.join(' and ')} with apt-get (${machine.os?.id ?? 'Debian'}, running as root)`);
    const installed = await aptInstall(packages, context.interrupts);
    if (installed.ok) setup.push(`installed with apt-get in ${formatDuration(installed.ms)}: ${packages.join(', ')}`);
    const failure = installed.ok ? undefined : installed.message;
    if (chromium.kind === 'install') {
      const after = lookUpChromium(machineChromiumProbe);
      chromium =
        after.kind === 'found'
          ? { kind: 'use', path: after.path, source: after.source }
          : { kind: 'fail', message: `No Chromium found: ${failure ?? 'apt-get installed chromium, but the lookup still finds none'}.` };
    }
    if (postgres.kind === 'install') {
      const after = lookUpPostgres(machinePostgresProbe);
      postgres =
        after.kind === 'found'
          ? { kind: 'cluster', binDir: after.binDir }
          : { kind: 'skip', reason: failure ?? 'apt-get installed postgresql, but its server programs were not found after it' };
    }
  }

  if (haproxy !== undefined) {
    const path = lookUpHaproxy();
    const line = path !== undefined ? `HAProxy: ${path}` : `HAProxy: none, the multi-instance test skips (${haproxy.kind === 'skip' ? haproxy.reason : 'apt-get did not install it'})`;
    setup.push(line);
    log(line);
  }

  const resources: Resources = { chromium: { ok: false, message: 'not needed' }, databaseUrl: undefined, postgresFailure: undefined };
  if (needs.chromium) {
    if (chromium.kind === 'use') {
      resources.chromium = { ok: true, path: chromium.path };
      setup.push(`Chromium: ${chromium.path} (${SOURCE_NAMES[chromium.source]})`);
      log(`Chromium: ${chromium.path} (${SOURCE_NAMES[chromium.source]})`);
    } else {
      const message = chromium.kind === 'fail' ? chromium.message : 'No Chromium found.';
      resources.chromium = { ok: false, message };
      setup.push(`Chromium: none. ${message}`);
      log(message);
    }
  }
  if (!needs.postgres) return resources;

  switch (postgres.kind) {
    case 'given':
      resources.databaseUrl = postgres.url;
      setup.push(`PostgreSQL: ${TEST_DATABASE_ENV} as given (${redact(postgres.url)})`);
      log(`PostgreSQL: ${TEST_DATABASE_ENV} as given (${redact(postgres.url)})`);
      break;
    case 'cluster': {
      const started = await startCluster(postgres.binDir);
      if (started.ok) {
        const { cluster } = started;
        onCleanup(() => {
          cluster.stop();
          log(`PostgreSQL: stopped the throwaway cluster and removed ${cluster.dir}`);
        });
        resources.databaseUrl = cluster.url;
        setup.push(`PostgreSQL: ${cluster.version} throwaway cluster at ${cluster.url} in ${cluster.dir} (${postgres.binDir}), removed at the end`);
        log(`PostgreSQL: started a throwaway ${cluster.version} cluster at ${cluster.url} in ${cluster.dir}`);
      } else if (started.kind === 'unavailable') {
        skipPostgres(started.message, context);
      } else {
        resources.postgresFailure = `the throwaway PostgreSQL did not start: ${started.message}`;
        setup.push(`PostgreSQL: ${resources.postgresFailure}`);
        log(resources.postgresFailure);
      }
      break;
    }
    case 'skip':
    case 'install':
      skipPostgres(postgres.kind === 'skip' ? postgres.reason : 'postgresql was not installed', context);
      break;
  }
  return resources;
}

function skipPostgres(reason: string, { setup, log }: ProvisionContext): void {
  const line = postgresSkippedLine(reason);
  setup.push(line);
  log(line);
}

/** A URL without its password, for the log. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}
