// Ctrl-C and SIGTERM during `npm test`: the running command gets the signal once, the run stops after
// it, and the cleanup (the throwaway PostgreSQL) and the summary still happen. Commands run in their own
// process group, so a terminal's Ctrl-C reaches them only through here, once, and a command that does
// not stop within the grace period is killed with its children.
import type { ChildProcess } from 'node:child_process';
import { constants } from 'node:os';

/** How long a command may take to wind down after the first signal before it is killed. */
export const FORCE_KILL_AFTER_MS = 15_000;
const HANDLED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export class Interrupts {
  private first: NodeJS.Signals | undefined;
  private readonly children = new Set<ChildProcess>();

  install(): void {
    for (const signal of HANDLED) process.on(signal, () => this.receive(signal));
  }

  /** The first signal received, if any. */
  signal(): NodeJS.Signals | undefined {
    return this.first;
  }

  /** The exit status a shell gives a process stopped by that signal (130 for Ctrl-C). */
  exitCode(): number {
    return this.first === undefined ? 0 : 128 + constants.signals[this.first];
  }

  /** Follows a command started with `detached: true`, so that its whole group can be signalled. */
  track(child: ChildProcess): void {
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    if (this.first !== undefined) signalGroup(child, this.first);
  }

  private receive(signal: NodeJS.Signals): void {
    // npm forwards the terminal's Ctrl-C to us as well: the second copy changes nothing.
    if (this.first !== undefined) return;
    this.first = signal;
    process.stderr.write(`\n[npm test] ${signal}: stopping the running command, then cleaning up\n`);
    for (const child of this.children) signalGroup(child, signal);
    setTimeout(() => {
      for (const child of this.children) signalGroup(child, 'SIGKILL');
    }, FORCE_KILL_AFTER_MS).unref();
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}
