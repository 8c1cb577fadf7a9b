// Writes the hub's OpenAPI document to a file, for `npm run lint` (Redocly lints it) and for anyone
// generating a client: `node scripts/run-ts.mjs server/src/openapi/write-document.ts <file>`.
// It builds the real app and asks @fastify/swagger for the document, without a network server and
// without a database: the document comes from the routes, and a database (PGlite takes seconds to
// start) would only slow the lint down. The one that stands in refuses every query.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildHub } from '../app.ts';
import type { Database } from '../db/database.ts';

const refuse = () => Promise.reject(new Error('the OpenAPI document is written without a database'));
const noDatabase: Database = {
  kind: 'postgres',
  query: refuse,
  transaction: refuse,
  exec: refuse,
  close: () => Promise.resolve(),
  poolStats: () => ({ total: 0, idle: 0, waiting: 0 }),
  listen: refuse,
};

const target = process.argv[2];
if (target === undefined) {
  console.error('usage: write-document.ts <file.json>');
  process.exit(2);
}
const app = await buildHub({ db: noDatabase, adminTokenHash: Buffer.alloc(32), publicUrl: 'http://localhost:8080' });
try {
  await app.ready();
  const file = resolve(target);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(app.swagger(), null, 2)}\n`);
  console.log(`OpenAPI document written to ${file}`);
} finally {
  await app.close();
}
