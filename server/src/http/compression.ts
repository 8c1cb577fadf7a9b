// Compression of the hub's answers for tills on a shop's mobile uplink: br or gzip, as the request's
// Accept-Encoding allows, for every answer over COMPRESS_THRESHOLD_BYTES (a 1,000-row pull page is
// about 330 kB of repetitive JSON, some 30 kB in brotli). The built till's files have precompressed
// copies (.br, .gz made at build time, static-app.ts); this compresses only files that have none.
import { constants } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import fastifyCompress, { type FastifyCompressOptions } from '@fastify/compress';

/** Answers smaller than this go uncompressed: under a packet or two, compression saves less than it costs. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/**
 * Brotli quality per answer (0-11). 4 is also @fastify/compress's own default; said here because an
 * answer's cost depends on it. Pull pages have their own (PULL_COMPRESSION).
 */
export const BROTLI_QUALITY = 4;

/**
 * Pull pages: brotli quality 1 and gzip level 3. A page is the biggest answer the hub sends, many times
 * over on a first sync, and these levels cost a fraction of the defaults' time for about the same size.
 * A 5,000-row page (1.6 MB of JSON) on this project's 2-core machine: brotli 1 gives 151 kB in ~3 ms,
 * 4 gives 148 kB in ~12-20 ms; gzip 3 gives 174 kB in ~5 ms, the default (6) 165 kB in ~15 ms. A
 * 1,000-row page: brotli 30.1 kB against 29.3 kB. (server/README.md, "Measured at scale".)
 */
export const PULL_BROTLI_QUALITY = 1;
export const PULL_GZIP_LEVEL = 3;

/** In order of preference; every browser accepts both. */
export const COMPRESS_ENCODINGS = ['br', 'gzip'] as const;

type CompressOptions = Pick<FastifyCompressOptions, 'threshold' | 'encodings' | 'brotliOptions' | 'zlibOptions'>;

const options = (brotliQuality: number, gzipLevel?: number): CompressOptions => ({
  threshold: COMPRESS_THRESHOLD_BYTES,
  encodings: [...COMPRESS_ENCODINGS],
  brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality } },
  ...(gzipLevel === undefined ? {} : { zlibOptions: { level: gzipLevel } }),
});

/**
 * A route's `compress` option for pull pages. Everything but the levels as registerCompression sets
 * it: the plugin fills a route's missing options with its own defaults, not with the hub's.
 */
export const PULL_COMPRESSION: CompressOptions = options(PULL_BROTLI_QUALITY, PULL_GZIP_LEVEL);

export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    ...options(BROTLI_QUALITY),
    // Request bodies are read as sent, as before: a compressed body is a 400, and MAX_BODY_BYTES bounds
    // what the hub reads, not what a small compressed body could inflate to.
    globalDecompression: false,
  });
}
