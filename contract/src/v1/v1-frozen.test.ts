// Protocol 1's upstream schemas are frozen: the hub parses old tills' batches with them. This pins
// their wire shape to the hash they had when protocol 1 was current, plus the storage hardening the hub
// applies to every protocol (text without NUL or lone surrogates, record times in the years 2000-2999):
// a v1 till never sent such values in a sale that could be stored.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { strictContract } from '../contract.ts';

/** sha-256 (first 16 hex) of the strict upstream group of protocol 1 (hardened), documentation left out. */
const V1_UPSTREAM_HASH = '4974b815c07050d7';
const NO_DOCUMENTATION = z.registry<Record<string, unknown>>();

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

describe('protocol 1 upstream (frozen)', () => {
  it('has the wire shape protocol 1 had', () => {
    const schemas: Record<string, unknown> = {};
    for (const [name, schema] of Object.entries(strictContract.upstreamV1)) {
      if (schema instanceof z.ZodType) schemas[name] = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', metadata: NO_DOCUMENTATION });
    }
    const hash = createHash('sha256').update(JSON.stringify(sortDeep(schemas))).digest('hex').slice(0, 16);
    expect(hash, 'v1/ must stay as protocol 1 released it').toBe(V1_UPSTREAM_HASH);
  });

  it('has no staff fields; protocol 2 has them (staff_id absent only on items queued before an update)', () => {
    const v1Sale = strictContract.upstreamV1.sale;
    const v2Sale = strictContract.upstream.sale;
    expect(Object.keys(v1Sale.shape)).not.toContain('staff_id');
    expect(v2Sale.shape.staff_id.safeParse('not a uuid').success).toBe(false);
    expect(v2Sale.shape.staff_id.safeParse(undefined).success).toBe(true);
  });
});
