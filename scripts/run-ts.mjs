// Runs one of the hub's TypeScript entry points (server/src/main.ts, server/src/cli.ts). Where this
// Node strips types itself (22.18+, 23.6+, 24) the hub runs on plain Node, with no compiler at run time;
// on Node 20 it loads through tsx. The entry sees its own arguments, as if it had been started directly.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (entry === undefined) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args...]');
  process.exit(2);
}
const file = resolve(entry);
process.argv = [process.argv[0] ?? 'node', file, ...args];
if (!process.features.typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(pathToFileURL(file).href);
