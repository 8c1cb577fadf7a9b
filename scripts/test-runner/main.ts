// `npm test`: every check and test of the project on a fresh machine, saying what it does. It runs the
// steps in steps.ts in order and stops at the first failure; it finds (or, as root on Debian, installs)
// Chromium and PostgreSQL, starts a throwaway PostgreSQL cluster, fetches Node 22 and 24 from the npm
// registry for the extra unit test runs, and ends with a summary. EZO_TEST_SKIP leaves parts out.
import { delimiter, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCleanups } from './cleanup.ts';
import { Interrupts } from './interrupts.ts';
import { readMachine } from './machine.ts';
import { cannotRunExtraNode, ensureNodeBinary, NODE_PACKAGE, npm } from './node-binaries.ts';
import { provision, type Resources } from './provision.ts';
import { parseSkipList, SKIP_ENV } from './skip-list.ts';
import { blockedBy, stepEnv } from './step-env.ts';
import { TEST_DATABASE_ENV } from './postgres-plan.ts';
import { STEPS, UNIT_TEST_ARGS, VITEST_ENTRY } from './steps.ts';
import { runCommand } from './run-command.ts';
import { formatDuration, formatSummary, type StepOutcome } from './summary.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Exit status for a bad EZO_TEST_SKIP, as for a usage error. */
const USAGE_ERROR = 2;

function log(line: string): void {
  process.stdout.write(`[npm test] ${line}\n`);
}

async function main(): Promise<number> {
  const skipList = parseSkipList(process.env[SKIP_ENV]);
  if (!skipList.ok) {
    log(skipList.message);
    return USAGE_ERROR;
  }
  const { skip } = skipList;
  const machine = readMachine();
  const interrupts = new Interrupts();
  interrupts.install();
  const started = performance.now();
  const outcomes: StepOutcome[] = [];
  const setup: string[] = [];
  let resources: Resources | undefined;
  let failed = false;
  /** Set once the registry could not be reached: the next extra Node is not tried (npm retries for a minute). */
  let registryUnreachable: string | undefined;
  log(`steps: ${STEPS.map((s) => s.id).join(', ')}; stops at the first failure. ${SKIP_ENV}=name,... leaves parts out (see README).`);

  try {
    for (const [index, step] of STEPS.entries()) {
      const outcome = (status: StepOutcome['status'], note?: string, ms?: number): void => {
        outcomes.push({ label: step.label, status, ...(note === undefined ? {} : { note }), ...(ms === undefined ? {} : { ms }) });
      };
      if (interrupts.signal() !== undefined) {
        outcome('not run', `interrupted (${interrupts.signal()})`);
        continue;
      }
      if (failed) {
        outcome('not run', 'an earlier step failed');
        continue;
      }
      if (skip.has(step.id)) {
        outcome('skipped', `${SKIP_ENV} has "${step.id}"`);
        continue;
      }
      const unrunnable = 'node' in step.run ? cannotRunExtraNode(step.run.node, machine) : undefined;
      if (unrunnable !== undefined) {
        outcome('skipped', unrunnable);
        continue;
      }
      if (step.needs.length > 0 && resources === undefined) {
        const rest = STEPS.slice(index).filter((s) => !skip.has(s.id));
        resources = await provision(
          { chromium: rest.some((s) => s.needs.includes('chromium')), postgres: rest.some((s) => s.needs.includes('postgres')) },
          { machine, skip, interrupts, setup, log },
        );
        if (interrupts.signal() !== undefined) {
          outcome('not run', `interrupted (${interrupts.signal()})`);
          continue;
        }
      }
      const blocked = blockedBy(step, resources);
      if (blocked !== undefined) {
        outcome('failed', blocked);
        failed = true;
        continue;
      }
      const env = stepEnv(process.env, resources);
      let command: [string, string[]];
      let label = step.label;
      if ('node' in step.run) {
        if (registryUnreachable !== undefined) {
          outcome('skipped', registryUnreachable);
          continue;
        }
        const binary = await ensureNodeBinary(PROJECT_ROOT, step.run.node, interrupts);
        if (binary.kind === 'unreachable') {
          log(`unit tests on Node ${step.run.node} skipped: ${binary.reason}`);
          outcome('skipped', binary.reason);
          registryUnreachable = binary.reason;
          continue;
        }
        if (binary.kind === 'failed') {
          outcome('failed', binary.message);
          failed = true;
          continue;
        }
        label = `unit tests, Node ${binary.version} (PGlite)`;
        const how = binary.downloaded ? `downloaded ${NODE_PACKAGE}@${step.run.node} from the npm registry in ${formatDuration(binary.ms)}` : 'cached';
        setup.push(`Node ${binary.version}: ${binary.path} (${how})`);
        log(`Node ${binary.version}: ${binary.path} (${how})`);
        env['PATH'] = `${dirname(binary.path)}${delimiter}${env['PATH'] ?? ''}`; // anything the tests start runs on it too
        delete env[TEST_DATABASE_ENV]; // see steps.ts: PostgreSQL is covered by the first unit step
        command = [binary.path, [VITEST_ENTRY, ...UNIT_TEST_ARGS]];
      } else {
        command = npm(['run', step.run.script]);
      }
      log(`${label}: ${'node' in step.run ? command.flat().join(' ') : `npm run ${step.run.script}`}`);
      const result = await runCommand(...command, interrupts, { env, cwd: PROJECT_ROOT });
      const passed = result.code === 0;
      const note = interrupts.signal() !== undefined ? `interrupted (${interrupts.signal()})` : passed ? undefined : `exit ${result.code ?? result.signal}`;
      outcomes.push({ label, status: passed ? 'passed' : 'failed', ms: result.ms, ...(note === undefined ? {} : { note }) });
      failed ||= !passed;
    }
  } finally {
    runCleanups();
  }
  process.stdout.write(formatSummary(outcomes, setup, performance.now() - started, interrupts.signal()));
  if (interrupts.signal() !== undefined) return interrupts.exitCode();
  return failed ? 1 : 0;
}

// Explicit exits: a stray handle must not keep CI waiting once the summary is out.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    runCleanups();
    process.stderr.write(`[npm test] stopped by an error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
