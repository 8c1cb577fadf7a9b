// Back-office sessions: an opaque id of 256 random bits in the `ezo_session` cookie, stored only as its
// SHA-256 in backoffice_sessions (like device tokens: an id that cannot be guessed needs no salt or KDF,
// and a copy of the table cannot be replayed). Chosen over @fastify/session: that plugin signs a session
// id with a server secret every instance must share (a new secret to configure and rotate) and gives its
// store the raw id; an unguessable id stored hashed needs neither, and idle and absolute expiry are ours
// to check anyway. @fastify/cookie parses and writes the cookie.
//
// Expiry is by the hub's clock (ctx.now, injected by tests): a session ends SESSION_IDLE_SECONDS after
// its last request or SESSION_ABSOLUTE_SECONDS after sign-in, whichever comes first. last_seen_at is
// written at most every LAST_SEEN_WRITE_SECONDS, so browsing does not write a row per request.
import type { Sql } from '../db/database.ts';
import { hashToken, newToken } from './tokens.ts';

export interface SessionLifetime {
  /** Seconds without a request after which the session ends. */
  idleSeconds: number;
  /** Seconds after sign-in after which the session ends whatever happens. */
  absoluteSeconds: number;
}

/** 30 minutes idle, 12 hours in all: a shift's work, and a forgotten browser is signed out soon. */
export const DEFAULT_SESSION_LIFETIME: SessionLifetime = { idleSeconds: 30 * 60, absoluteSeconds: 12 * 60 * 60 };
/** A request refreshes last_seen_at only when it is older than this (fewer writes; idle expiry is that much coarser). */
const LAST_SEEN_WRITE_SECONDS = 30;
/** How often one instance deletes ended sessions. */
const SWEEP_INTERVAL_MS = 10 * 60_000;

export interface SessionRow {
  staffId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface NewSession {
  /** The cookie's value; never stored. */
  id: string;
  expiresAt: Date;
}

export class Sessions {
  private readonly lifetime: SessionLifetime;
  private lastSweep = 0;

  constructor(lifetime: SessionLifetime) {
    this.lifetime = lifetime;
  }

  get idleSeconds(): number {
    return this.lifetime.idleSeconds;
  }

  async create(db: Sql, staffId: string, now: Date): Promise<NewSession> {
    const id = newToken();
    const expiresAt = new Date(now.getTime() + this.lifetime.absoluteSeconds * 1000);
    await db.query('INSERT INTO backoffice_sessions (id_hash, staff_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $3, $4)', [
      hashToken(id),
      staffId,
      now.toISOString(),
      expiresAt.toISOString(),
    ]);
    await this.sweep(db, now);
    return { id, expiresAt };
  }

  /** The live session of a cookie value, refreshing its idle clock; undefined when unknown or ended (an ended row is deleted). */
  async touch(db: Sql, id: string, now: Date): Promise<SessionRow | undefined> {
    const rows = await db.query<{ staff_id: string; created_at: Date | string; last_seen_at: Date | string; expires_at: Date | string }>(
      'SELECT staff_id::text AS staff_id, created_at, last_seen_at, expires_at FROM backoffice_sessions WHERE id_hash = $1',
      [hashToken(id)],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    const session: SessionRow = { staffId: row.staff_id, createdAt: new Date(row.created_at), lastSeenAt: new Date(row.last_seen_at), expiresAt: new Date(row.expires_at) };
    const idleEnd = session.lastSeenAt.getTime() + this.lifetime.idleSeconds * 1000;
    if (now.getTime() >= idleEnd || now.getTime() >= session.expiresAt.getTime()) {
      await this.end(db, id);
      return undefined;
    }
    if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_WRITE_SECONDS * 1000) {
      await db.query('UPDATE backoffice_sessions SET last_seen_at = $2 WHERE id_hash = $1', [hashToken(id), now.toISOString()]);
      session.lastSeenAt = now;
    }
    return session;
  }

  async end(db: Sql, id: string): Promise<void> {
    await db.query('DELETE FROM backoffice_sessions WHERE id_hash = $1', [hashToken(id)]);
  }

  /** Ends every session of a member (deactivated, password reset). */
  async endAllOf(db: Sql, staffId: string): Promise<void> {
    await db.query('DELETE FROM backoffice_sessions WHERE staff_id = $1', [staffId]);
  }

  /** When the session ends if no request comes first. */
  idleEnd(session: SessionRow): Date {
    return new Date(Math.min(session.lastSeenAt.getTime() + this.lifetime.idleSeconds * 1000, session.expiresAt.getTime()));
  }

  private async sweep(db: Sql, now: Date): Promise<void> {
    if (now.getTime() - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now.getTime();
    await db.query(`DELETE FROM backoffice_sessions WHERE expires_at <= $1 OR last_seen_at + $2 * interval '1 second' <= $1`, [
      now.toISOString(),
      this.lifetime.idleSeconds,
    ]);
  }
}
