// Build of the bench pages (bench/pages/*.html) into bench/dist/, apart from the till's own build:
// the same worker and wasm settings as vite.config.ts, so the app worker is bundled as the till bundles it.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const benchDir = dirname(fileURLToPath(import.meta.url));
const pagesDir = join(benchDir, 'pages');
export const BENCH_DIST = join(benchDir, 'dist');

const pages = Object.fromEntries(
  readdirSync(pagesDir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => [f.replace(/\.html$/, ''), join(pagesDir, f)]),
);

export default defineConfig({
  root: pagesDir,
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@journeyapps/wa-sqlite'] },
  build: {
    outDir: BENCH_DIST,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rollupOptions: { input: pages },
  },
});
