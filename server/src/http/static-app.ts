// Serves the built till (dist/) at / with its security headers: a strict CSP (no inline script),
// no-cache on the entry points a new deploy must replace at once, immutable hashed assets, and an
// SPA fallback so a reload on a client-side route still gets index.html.
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

function appHeaders(res: SetHeadersResponse, path: string): void {
  const normal = path.replaceAll('\\', '/');
  res.setHeader('Content-Security-Policy', APP_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', normal.includes('/assets/') && !NO_CACHE_FILES.test(normal) ? IMMUTABLE : NO_CACHE);
}

export async function registerStaticApp(app: FastifyInstance, root: string | undefined): Promise<void> {
  if (root !== undefined) {
    await app.register(fastifyStatic, { root, cacheControl: false, setHeaders: appHeaders, index: ['index.html'] });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isApi = request.url.startsWith('/api/');
    if (root === undefined || isApi || (request.method !== 'GET' && request.method !== 'HEAD')) {
      const err = new HttpError('not_found', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`);
      return reply.code(404).send(err.body());
    }
    void reply
      .header('Content-Security-Policy', APP_CSP)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Referrer-Policy', 'no-referrer')
      .header('Cache-Control', NO_CACHE);
    return reply.sendFile('index.html', { cacheControl: false });
  });
}
