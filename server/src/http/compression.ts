// Compression of the hub's answers for tills on a shop's mobile uplink: br or gzip, as the request's
// Accept-Encoding allows, for every answer over COMPRESS_THRESHOLD_BYTES (a 5,000-row pull page is a
// few hundred kB of repetitive JSON). The built till's files have precompressed copies (.br, .gz made
// at build time, static-app.ts); this compresses only files that have none.
import type { FastifyInstance } from 'fastify';
import fastifyCompress from '@fastify/compress';

/** Answers smaller than this go uncompressed: under a packet or two, compression saves less than it costs. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/** In order of preference; every browser accepts both. */
export const COMPRESS_ENCODINGS = ['br', 'gzip'] as const;

export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: [...COMPRESS_ENCODINGS],
    // Request bodies are read as sent, as before: a compressed body is a 400, and MAX_BODY_BYTES bounds
    // what the hub reads, not what a small compressed body could inflate to.
    globalDecompression: false,
  });
}
