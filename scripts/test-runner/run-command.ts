// Runs one command of `npm test`: its output goes to the terminal (or is kept, for installers whose
// output matters only when they fail), and Ctrl-C reaches it through Interrupts.
import { spawn } from 'node:child_process';
import type { Interrupts } from './interrupts.ts';

export interface CommandResult {
  /** Exit status; null when a signal ended the command. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** stdout and stderr as they came, when captured. */
  output: string;
  /** stdout alone, when captured. */
  stdout: string;
  ms: number;
}

export interface CommandOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Keep the output instead of showing it. */
  capture?: boolean;
}

export function runCommand(command: string, args: readonly string[], interrupts: Interrupts, options: CommandOptions = {}): Promise<CommandResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: options.capture === true ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      detached: true, // its own process group: see interrupts.ts
    });
    let output = '';
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    interrupts.track(child);
    child.once('error', (error) => resolve({ code: 127, signal: null, output: `${output}${error.message}\n`, stdout, ms: performance.now() - started }));
    child.once('close', (code, signal) => resolve({ code, signal, output, stdout, ms: performance.now() - started }));
  });
}

/** The last non-empty lines of a command's output, for a failure message. */
export function tail(output: string, lines = 5): string {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(-lines)
    .join('\n');
}
