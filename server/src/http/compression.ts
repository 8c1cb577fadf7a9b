// Compression of the hub's answers for tills on a shop's mobile uplink: br or gzip, as the request's
// Accept-Encoding allows, for every answer over COMPRESS_THRESHOLD_BYTES (a 1,000-row pull page is
// about 300 kB of repetitive JSON, some 40 kB in brotli). The built till's files have precompressed
// copies (.br, .gz made at build time, static-app.ts); this compresses only files that have none.
import { constants } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import fastifyCompress from '@fastify/compress';

/** Answers smaller than this go uncompressed: under a packet or two, compression saves less than it costs. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/**
 * Brotli quality per answer (0-11). A 5,000-row pull page (1.4 MB) measured on this project's 2-core
 * machine: quality 1 gives 220 kB in ~15 ms, 4 gives 194 kB in ~40 ms, 5+ no smaller and twice as slow.
 * 4 is also @fastify/compress's own default; said here because the pull's cost depends on it.
 */
export const BROTLI_QUALITY = 4;

/** In order of preference; every browser accepts both. */
export const COMPRESS_ENCODINGS = ['br', 'gzip'] as const;

export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: [...COMPRESS_ENCODINGS],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
    // Request bodies are read as sent, as before: a compressed body is a 400, and MAX_BODY_BYTES bounds
    // what the hub reads, not what a small compressed body could inflate to.
    globalDecompression: false,
  });
}
