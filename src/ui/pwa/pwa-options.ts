// The installable-app build options (vite-plugin-pwa), kept here so vite.config.ts holds one line for them.
// Our own service worker (src/sw.ts) gets the precache manifest injected; we register it ourselves.
import type { VitePWAOptions } from 'vite-plugin-pwa';

/** The SQLite wasm builds are ~1-2 MB each; workbox's 2 MiB default would silently drop one from the precache. */
const MAX_PRECACHE_FILE_BYTES = 8 * 1024 * 1024;

/** Matches the theme-color meta in index.html. */
export const THEME_COLOR = '#0f5c4d';
export const BACKGROUND_COLOR = '#f4f7f6';

export const pwaOptions: Partial<VitePWAOptions> = {
  strategies: 'injectManifest',
  srcDir: 'src',
  filename: 'sw.ts',
  registerType: 'prompt',
  // Registration lives in src/ui/pwa/register-sw.ts: no inline script may reach index.html (the hub's CSP forbids it).
  injectRegister: false,
  // The icons are in public/icons and already matched by globPatterns: listing them twice would only duplicate entries.
  includeManifestIcons: false,
  injectManifest: {
    // Everything the till needs to cold-start offline: the shell, every chunk (the database worker
    // included), both SQLite wasm builds and the icons. The plugin adds the web manifest itself; source maps stay out.
    globPatterns: ['**/*.{html,js,css,wasm,png,svg,ico}'],
    // The build's precompressed copies (x.br, x.gz; vite.config.ts) are for the hub to send in place of
    // x; the browser decodes them, so the precache holds x once. Workbox's default ignore is kept.
    // The back office (its page and its own chunks, named backoffice-*: vite.config.ts) is not the till's
    // and needs the hub anyway: the till's worker neither caches nor serves it.
    globIgnores: ['**/node_modules/**/*', '**/*.{br,gz}', 'backoffice/**', 'assets/backoffice-*'],
    maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE_BYTES,
    // A classic script: every browser with service workers can run it, module workers or not.
    rollupFormat: 'iife',
  },
  manifest: {
    id: '/',
    name: 'Ezo POS',
    short_name: 'Ezo POS',
    description: 'Offline-first point of sale: keeps selling without a network and sends every sale to the hub once.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
};
