// Bounds on slow clients (issue 15, item 9): how long the hub waits for a request's headers and for the
// whole request (headers and body), how long a connection may sit idle, and how many connections one
// address may hold open. Authentication runs before the body is read (onRequest), so a client without a
// valid token never gets to send one; these bounds cut off one that has a token but trickles.
import type { Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';

export interface HubTimeouts {
  /** The headers must arrive within this. */
  headersMs: number;
  /** The whole request, body included, must arrive within this (a 1 MiB batch at 500 kbit/s takes 17 s). */
  requestMs: number;
  /** A connection with no traffic at all is closed after this. */
  idleMs: number;
  /** How often Node checks the two bounds above; a slow client is cut off within requestMs + this. */
  checkEveryMs: number;
  /** Open connections one address may hold; the next is closed at once. */
  maxConnectionsPerAddress: number;
}

export const DEFAULT_TIMEOUTS: HubTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  idleMs: 75_000,
  checkEveryMs: 1_000,
  // A store's tills share one NAT address: 5 tills with two pushes and a pull in flight each, plus browsers.
  maxConnectionsPerAddress: 64,
};

/** Node's server options for these bounds (Fastify passes `http` to http.createServer). */
export function serverOptions(t: HubTimeouts): ServerOptions {
  return { headersTimeout: t.headersMs, requestTimeout: t.requestMs, connectionsCheckingInterval: t.checkEveryMs };
}

/** Closes any connection beyond maxConnectionsPerAddress from one address, as it arrives. */
export function limitConnectionsPerAddress(server: Server, max: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const n = (open.get(address) ?? 0) + 1;
    if (n > max) {
      socket.destroy();
      return;
    }
    open.set(address, n);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left === 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
