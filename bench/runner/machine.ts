// The machine a run was measured on, written into latest.json: figures from different machines
// are not comparable, and this machine's cores are shared with other work.
import { cpus, loadavg, totalmem, platform, release } from 'node:os';

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string | null;
  /** 1-minute load average when the run started: other work on the same cores skews every figure. */
  loadAverageAtStart: number;
}

export function describeMachine(chromiumVersion: string | null): Machine {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium: chromiumVersion,
    loadAverageAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

/** The 1-minute load average now, for the end of a run. */
export function loadAverageNow(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}
