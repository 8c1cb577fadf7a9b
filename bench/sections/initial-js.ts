// Item 6b: the JavaScript the till's index.html loads before it can run: the entry module and the
// modules Vite marks for modulepreload, each gzipped at level 9 and summed. Not counted: the wasm,
// the database worker's chunks and anything loaded later with import() (lazy screens), because
// index.html does not reference them.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialJs {
  files: { path: string; bytes: number; gzipBytes: number }[];
  gzipBytes: number;
}

const SCRIPT_SRC = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g;
const PRELOAD_HREF = /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g;

export async function initialJs(distDir: string): Promise<InitialJs> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const paths = new Set<string>();
  for (const re of [SCRIPT_SRC, PRELOAD_HREF]) for (const m of html.matchAll(re)) if (m[1] !== undefined) paths.add(m[1]);
  const files = [];
  for (const path of paths) {
    const body = await readFile(join(distDir, path.replace(/^\.?\//, '')));
    files.push({ path, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length });
  }
  if (files.length === 0) throw new Error('index.html loads no module script');
  return { files, gzipBytes: files.reduce((a, f) => a + f.gzipBytes, 0) };
}
