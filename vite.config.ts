// Build of the till (Vite + Preact) and the two test projects Vitest runs:
// "node" for pure logic, the server and SQLite in Node, "browser" for the database worker in real Chromium.
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { constants as zlib } from 'node:zlib';
import { resolve } from 'node:path';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { pwaOptions } from './src/ui/pwa/pwa-options.ts';
import { tillOnlyManifest } from './src/ui/pwa/till-only-manifest.ts';
import { playwright } from '@vitest/browser-playwright';
import { findChromium, CHROMIUM_ARGS } from './test-support/chromium.ts';

const chromium = findChromium();
/** Brotli quality of the build's precompressed copies (0-11); see the compression plugin below. */
const BUILD_BROTLI_QUALITY = 9;

export default defineConfig({
  plugins: [
    preact(),
    VitePWA(pwaOptions),
    tillOnlyManifest(),
    // Precompressed copies (x.br, x.gz beside x) that the hub sends as they are to browsers that accept
    // them (server/src/http/static-app.ts). The wasm above all (1.1 MB). Brotli at BUILD_BROTLI_QUALITY:
    // 11 made `vite build` 8 s -> 29 s here (every e2e run builds) for about 9 % fewer bytes than 9.
    // The precache lists none of them (globIgnores in src/ui/pwa/pwa-options.ts).
    compression({
      algorithms: [defineAlgorithm('brotliCompress', { params: { [zlib.BROTLI_PARAM_QUALITY]: BUILD_BROTLI_QUALITY } }), defineAlgorithm('gzip', { level: 9 })],
      include: /\.(html|js|mjs|css|wasm|svg|json|webmanifest)$/,
      logLevel: 'silent',
    }),
  ],
  // Both SQLite builds stay in their own chunks; module workers keep `import.meta.url` for the wasm.
  worker: { format: 'es' },
  // wa-sqlite must not be pre-bundled: a cold dev server would otherwise reload the page mid-run.
  optimizeDeps: { exclude: ['@journeyapps/wa-sqlite'] },
  // Two pages: the till (index.html) and the back office (backoffice/index.html, served by the hub at
  // /backoffice/). Chunks only the back office loads are named backoffice-*, so the till's precache
  // leaves them out (src/ui/pwa/pwa-options.ts).
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      input: { index: resolve(import.meta.dirname, 'index.html'), backoffice: resolve(import.meta.dirname, 'backoffice/index.html') },
      output: {
        chunkFileNames: (chunk) => (chunk.facadeModuleId?.includes('/src/backoffice/') === true ? 'assets/backoffice-[name]-[hash].js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  // In development the hub (`npm run server -- --demo`) answers /api through Vite, so the till pairs
  // itself as it does when the hub serves it.
  server: { port: 5173, proxy: { '/api': { target: `http://127.0.0.1:${process.env.PORT ?? '8080'}` } } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'contract/**/*.test.ts', 'server/test/**/*.test.ts', 'test-support/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['src/**/*.browser.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.ts'],
          // Fails at once with a one-line hint when no Chromium is installed.
          globalSetup: ['test-support/require-chromium.ts'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            // A persistent profile: a throwaway context keeps OPFS and IndexedDB in memory.
            provider: playwright({
              launchOptions: { ...(chromium === undefined ? {} : { executablePath: chromium }), args: [...CHROMIUM_ARGS] },
              persistentContext: true,
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
