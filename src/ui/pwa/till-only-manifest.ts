// The PWA plugin links the till's web app manifest into every page the build emits. The back office
// is not the till and must not install as it (its start_url and name are the till's): this plugin,
// placed after VitePWA, takes the link out of the back office's page again.
import type { Plugin } from 'vite';

/** Pages under this path are the back office's (vite.config.ts inputs). */
const BACKOFFICE_PAGE_PREFIX = '/backoffice/';
const MANIFEST_LINK = /<link rel="manifest"[^>]*>\s*/g;

export function tillOnlyManifest(): Plugin {
  return {
    name: 'ezo:till-only-manifest',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => (ctx.path.startsWith(BACKOFFICE_PAGE_PREFIX) ? html.replace(MANIFEST_LINK, '') : html),
    },
  };
}
