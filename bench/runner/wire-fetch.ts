// One HTTP GET on its own connection, counting what came over the wire: every byte the socket read
// (status line, headers, chunk framing and the body as sent, compressed or not), not the decoded size.
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** What Chromium sends: the hub picks br from it. */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

export interface WireResponse {
  status: number;
  /** Bytes the client read from the socket for this exchange. */
  wireBytes: number;
  contentEncoding: string | undefined;
  /** The body decoded. */
  body: Buffer;
}

export function wireGet(url: string, acceptEncoding: string, headers: Record<string, string> = {}): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    // agent: false: a connection of its own, so the socket's byte count is this exchange alone.
    const req = request(url, { agent: false, headers: { ...headers, 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        try {
          const body = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
          resolve({ status: res.statusCode ?? 0, wireBytes: res.socket.bytesRead, contentEncoding: encoding, body });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}
