// Serves the built till (dist/) at / with its security headers: a strict CSP (no inline script),
// no-cache on the entry points a new deploy must replace at once, immutable hashed assets, and an
// SPA fallback so a reload on a client-side route still gets index.html. The fallback is for
// navigations only: a missing file (an old hashed chunk, /favicon.ico) is a 404, never HTML a
// script or the service worker would take for the file. Files the build compressed
// (x.br, x.gz beside x; vite.config.ts) are sent as they are to a browser that accepts the encoding,
// with the headers of x and Vary: Accept-Encoding.
//
// The back office is a second page of the same build (dist/backoffice/index.html): navigations under
// /backoffice get it (its client-side routes), every other navigation the till's index.html.
import type { FastifyInstance } from 'fastify';
import fastifyStatic, { type SetHeadersResponse } from '@fastify/static';
import { HttpError } from './api-error.ts';

export const APP_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "style-src 'self'; manifest-src 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'";
/** Hashed build output never changes under its name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Entry points are revalidated on every load so a deploy reaches tills at once. */
const NO_CACHE = 'no-cache';
const NO_CACHE_FILES = /(^|\/)(index\.html|sw\.js|registerSW\.js|manifest\.webmanifest)$/;
/** Lower case, as @fastify/compress writes it, so compressing a file without a copy does not add it twice. */
const VARY = 'accept-encoding';
/** A path that names a file: its last segment has an extension, or it is under /assets/. */
const FILE_LIKE = /(^\/assets\/)|(\.[A-Za-z0-9]+$)/;

/** A browser navigation: a GET or HEAD that asks for HTML (a reload on a client-side route). */
function isNavigation(method: string, accept: string | undefined, fetchMode: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  return fetchMode === 'navigate' || (accept ?? '').toLowerCase().includes('text/html');
}

/** The back office's client-side routes: /backoffice, /backoffice/ and anything below. */
const BACK_OFFICE_ROUTE = /^\/backoffice(\/|$)/;
const BACK_OFFICE_PAGE = 'backoffice/index.html';

/** The build's precompressed copies of a file: x.br and x.gz. */
const COMPRESSED_COPY = /\.(br|gz)$/;

/** `path` is the file sent: for a precompressed answer, the .br or .gz copy of the file asked for. */
function appHeaders(res: SetHeadersResponse, path: string): void {
  const normal = path.replaceAll('\\', '/').replace(COMPRESSED_COPY, '');
  res.setHeader('Content-Security-Policy', APP_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', normal.includes('/assets/') && !NO_CACHE_FILES.test(normal) ? IMMUTABLE : NO_CACHE);
  // Every file may be answered compressed or not, by the request's Accept-Encoding: caches must key on it.
  res.setHeader('Vary', VARY);
}

export async function registerStaticApp(app: FastifyInstance, root: string | undefined): Promise<void> {
  if (root !== undefined) {
    await app.register(fastifyStatic, { root, cacheControl: false, setHeaders: appHeaders, index: ['index.html'], preCompressed: true });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const fetchMode = request.headers['sec-fetch-mode'];
    const navigation = isNavigation(request.method, request.headers.accept, typeof fetchMode === 'string' ? fetchMode : undefined);
    if (root === undefined || path.startsWith('/api/') || FILE_LIKE.test(path) || !navigation) {
      const err = new HttpError('not_found', `no route ${request.method} ${path}`);
      return reply.code(404).send(err.body());
    }
    void reply
      .header('Content-Security-Policy', APP_CSP)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Referrer-Policy', 'no-referrer')
      .header('Cache-Control', NO_CACHE)
      .header('Vary', VARY);
    return reply.sendFile(BACK_OFFICE_ROUTE.test(path) ? BACK_OFFICE_PAGE : 'index.html', { cacheControl: false });
  });
}
