// Builds what the browser sections load: the bench pages (bench/vite.config.ts -> bench/dist) and
// the till itself (the project's vite.config.ts) into bench/dist/till, never into the shared dist/
// other people's e2e runs serve.
import { resolve } from 'node:path';
import { build } from 'vite';

export const BENCH_DIST = resolve('bench/dist');
export const TILL_DIST = resolve('bench/dist/till');

export async function buildBenchPages(): Promise<void> {
  await build({ configFile: resolve('bench/vite.config.ts'), logLevel: 'warn' });
}

export async function buildTill(): Promise<void> {
  await build({ configFile: resolve('vite.config.ts'), logLevel: 'warn', build: { outDir: TILL_DIST, emptyOutDir: true } });
}
