// The end of `npm test`'s output: one line per step (passed, failed, skipped or not run, with the reason
// and the time), what was found, installed or started, and the result.
export type StepStatus = 'passed' | 'failed' | 'skipped' | 'not run';

export interface StepOutcome {
  label: string;
  status: StepStatus;
  ms?: number;
  note?: string;
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

const STATUS_WIDTH = 'not run'.length;
const TIME_WIDTH = '10 min 00 s'.length;

export function formatSummary(outcomes: readonly StepOutcome[], setup: readonly string[], totalMs: number, interruptedBy: string | undefined): string {
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  const lines = ['', '[npm test] summary (the run stops at the first failing step)'];
  for (const outcome of outcomes) {
    const time = outcome.ms === undefined ? '' : formatDuration(outcome.ms);
    const note = outcome.note === undefined ? '' : `: ${outcome.note}`;
    lines.push(`  ${outcome.status.padEnd(STATUS_WIDTH)}  ${time.padStart(TIME_WIDTH)}  ${outcome.label}${note}`);
  }
  for (const line of setup) lines.push(`  ${line}`);
  const counts = (['passed', 'failed', 'skipped', 'not run'] as const)
    .map((status) => [status, outcomes.filter((o) => o.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`)
    .join(', ');
  const verdict = interruptedBy !== undefined ? `interrupted (${interruptedBy})` : failed > 0 ? 'FAILED' : 'passed';
  lines.push(`[npm test] ${verdict} in ${formatDuration(totalMs)}: ${counts}`);
  return lines.join('\n') + '\n';
}
