// A schema migration: numbered, forward-only, applied in its own transaction together with the
// `user_version` it sets, so a crash leaves the database at the old version or the new, never between.
export interface Migration {
  /** Equals its position: migration N takes the database from user_version N-1 to N. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
