// Installs Debian packages for `npm test` (chromium, postgresql) when the machine lets it: one update,
// one install of everything missing. The output is shown only when apt-get fails.
import type { Interrupts } from './interrupts.ts';
import { runCommand, tail } from './run-command.ts';

export const APT_ENV = { DEBIAN_FRONTEND: 'noninteractive' } as const;

/** The command lines, in order. */
export function aptCommands(packages: readonly string[]): string[][] {
  return [
    ['apt-get', 'update', '-qq'],
    ['apt-get', 'install', '-y', '-qq', ...packages],
  ];
}

export type AptResult = { ok: true; ms: number } | { ok: false; message: string };

export async function aptInstall(packages: readonly string[], interrupts: Interrupts): Promise<AptResult> {
  let ms = 0;
  for (const [command = 'apt-get', ...args] of aptCommands(packages)) {
    const result = await runCommand(command, args, interrupts, { capture: true, env: { ...process.env, ...APT_ENV } });
    ms += result.ms;
    if (result.code !== 0) {
      return { ok: false, message: `"${[command, ...args].join(' ')}" failed (${result.code ?? result.signal}): ${tail(result.output, 3).replaceAll('\n', ' | ')}` };
    }
  }
  return { ok: true, ms };
}
