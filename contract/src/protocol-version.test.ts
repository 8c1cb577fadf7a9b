// Fails when any wire schema changes without a protocol version bump: a till and a hub that
// disagree on the contract must be able to tell from the version header, not from a parse error.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { strictContract } from './contract.ts';
import { PROTOCOL_VERSION } from './protocol-version.ts';

/** The hash of every strict schema at each protocol version. Add a line when you bump the version. */
const CONTRACT_HASHES: Record<number, string> = {
  1: 'b52402efc6422e3c',
  2: 'd208d82942250bf7',
  3: '61a018832bb200a0',
};

/**
 * The wire shape only. Documentation (descriptions, titles, examples, component ids) lives in zod's
 * metadata registry; converting against an empty registry leaves all of it out, and with no ids every
 * schema is inlined as before, so documenting the contract never changes the hash.
 */
const NO_DOCUMENTATION = z.registry<Record<string, unknown>>();

function hashSchemas(named: Record<string, unknown>): string {
  const schemas: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(named)) {
    if (schema instanceof z.ZodType) schemas[name] = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', metadata: NO_DOCUMENTATION });
  }
  return createHash('sha256').update(JSON.stringify(sortDeep(schemas))).digest('hex').slice(0, 16);
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortDeep((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function contractHash(): string {
  const named: Record<string, unknown> = {};
  for (const [group, members] of Object.entries(strictContract)) {
    for (const [name, schema] of Object.entries(members as Record<string, unknown>)) named[`${group}.${name}`] = schema;
  }
  return hashSchemas(named);
}

describe('protocol version', () => {
  it('matches the recorded hash of the contract', () => {
    expect(contractHash(), `the contract changed: bump PROTOCOL_VERSION and record the new hash`).toBe(CONTRACT_HASHES[PROTOCOL_VERSION]);
  });

  it('ignores documentation but not the wire shape', () => {
    const bare = z.strictObject({ n: z.int().min(0), s: z.string() });
    const documented = z
      .strictObject({ n: z.int().min(0).describe('a count'), s: z.string().meta({ title: 'S', examples: ['x'] }) })
      .meta({ id: 'ProtocolHashProbe', description: 'documented' });
    const changed = z.strictObject({ n: z.int().min(1), s: z.string() });
    expect(hashSchemas({ probe: documented })).toBe(hashSchemas({ probe: bare }));
    expect(hashSchemas({ probe: changed })).not.toBe(hashSchemas({ probe: bare }));
  });
});
