// What a step runs with: the Chromium and the database that were set up, or why it cannot run.
import { CHROMIUM_ENV } from '../../test-support/chromium.ts';
import { TEST_DATABASE_ENV } from './postgres-plan.ts';
import type { Resources } from './provision.ts';
import type { Step } from './steps.ts';

/** Why a step cannot run with what was set up, or undefined when it can. */
export function blockedBy(step: Step, resources: Resources | undefined): string | undefined {
  if (resources === undefined) return undefined;
  if (step.needs.includes('chromium') && !resources.chromium.ok) return resources.chromium.message;
  if (step.needs.includes('postgres') && resources.postgresFailure !== undefined) return resources.postgresFailure;
  return undefined;
}

/** The steps see the Chromium and the database that were set up, and nothing else. */
export function stepEnv(base: NodeJS.ProcessEnv, resources: Resources | undefined): NodeJS.ProcessEnv {
  const env = { ...base };
  if (resources === undefined) return env;
  if (resources.chromium.ok) env[CHROMIUM_ENV] = resources.chromium.path;
  if (resources.databaseUrl === undefined) delete env[TEST_DATABASE_ENV];
  else env[TEST_DATABASE_ENV] = resources.databaseUrl;
  return env;
}
