// Malformed downstream pages, each invalid by construction (not by asking the contract): a valid
// page with one defect of a named kind, plus the place a correct till must name in its error.
// Kinds: wrong types, missing fields, huge strings, negative or fractional minor units, bad ids and
// times, unknown entity types, broken JSON, a cursor that does not advance, oversized arrays.
import fc from 'fast-check';
import type { DownstreamPage } from '@ezo/contract/downstream';
import { MAX_DOWNSTREAM_LIMIT, MAX_MONEY_MINOR, MAX_STOCK, MAX_TAX_RATE_BP, MAX_TEXT_LENGTH } from '@ezo/contract/limits';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

export type DefectKind =
  | 'wrong_type'
  | 'missing_field'
  | 'huge_string'
  | 'bad_minor_units'
  | 'bad_id_or_time'
  | 'unknown_entity'
  | 'broken_json'
  | 'stalled_cursor'
  | 'oversized_array'
  | 'unstorable_text';

export interface Mutant {
  kind: DefectKind;
  /** The response body exactly as the fake hub sends it. */
  body: string;
  /** A fragment the till's lastError message must contain (a field path, or the kind of failure). */
  expect: string;
}

/** Longest huge string: well past every text limit, small enough to keep 1,000 runs quick. */
const HUGE_STRING_MAX = 200_000;

/** Numeric fields with their rule, for the minor-unit defects. */
const INT_RULES: Record<string, { min: number; max: number }> = {
  price: { min: 0, max: MAX_MONEY_MINOR },
  tax_rate_bp: { min: 0, max: MAX_TAX_RATE_BP },
  sort_order: { min: 0, max: 1_000_000 },
  price_version: { min: 1, max: Number.MAX_SAFE_INTEGER },
  quantity: { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
  remaining: { min: 0, max: Number.MAX_SAFE_INTEGER },
};
const ID_FIELDS = new Set(['uuid', 'category_uuid', 'product_uuid']);
const TIME_FIELDS = new Set(['updated_at', 'deleted_at']);

/** Formats a path the way src/sync/zod-issues.ts does, e.g. changes.products[3].price. */
export function formatPath(path: Path): string {
  if (path.length === 0) return '(root)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${p}`)).join('');
}

/** Every path to an object key (not array slots), root excluded. */
function keyPaths(v: Json, prefix: Path = []): { path: Path; value: Json }[] {
  if (v === null || typeof v !== 'object') return [];
  if (Array.isArray(v)) return v.flatMap((child, i) => keyPaths(child, [...prefix, i]));
  return Object.entries(v).flatMap(([k, child]) => [{ path: [...prefix, k], value: child }, ...keyPaths(child, [...prefix, k])]);
}

function setAt(root: Json, path: Path, value: Json | undefined): Json {
  const copy = structuredClone(root);
  let node = copy as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, Json>;
  const last = path.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

function leafName(path: Path): string {
  return String(path.at(-1));
}

function isLeaf(v: Json): boolean {
  return v === null || typeof v !== 'object';
}

/** A value of another JSON type than `v`; null only where the field is not nullable. */
function otherType(v: Json): fc.Arbitrary<Json> {
  if (typeof v === 'string') return fc.constantFrom<Json>(42, true, {}, [], -1.5);
  if (typeof v === 'number') return fc.constantFrom<Json>(String(v), true, {}, [], null);
  if (typeof v === 'boolean') return fc.constantFrom<Json>('true', 1, 0, null, {});
  // A nullable field: neither a string nor a number, so it is wrong whatever the field's type.
  return fc.constantFrom<Json>(true, {}, [v]);
}

/** Integers and fractions that break the field's rule. */
function badNumber(field: string): fc.Arbitrary<Json> {
  const rule = INT_RULES[field]!;
  const options: fc.Arbitrary<Json>[] = [
    fc.integer({ min: 0, max: 1_000_000 }).map((n) => n + 0.5),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((d) => !Number.isInteger(d)),
    fc.constant(1e300),
  ];
  if (rule.min > -MAX_STOCK) options.push(fc.integer({ min: -1_000_000, max: rule.min - 1 }));
  if (rule.max < Number.MAX_SAFE_INTEGER) options.push(fc.integer({ min: rule.max + 1, max: rule.max + 1_000_000 }));
  else options.push(fc.constant(2 ** 53 + 2));
  return fc.oneof(...options);
}

const badUuid = fc.constantFrom<Json>('prod_001', '', 'not-a-uuid', '00000000-0000-0000-0000-00000000000g', '{00000000-0000-4000-8000-000000000001}', '00000000-0000-4000-8000-0000000000011');
const badTime = fc.constantFrom<Json>('2024-13-01T00:00:00Z', '2024-01-01 10:00:00', '2024-01-01T10:00:00', '1700000000000', 'yesterday', '', '2024-02-30T10:00:00Z');
const badCursor = fc.constantFrom<Json>('', 'a b', 'c/2', 'x'.repeat(101), 'drop table;', 'ä');
const unknownEntityName = fc.constantFrom('variants', 'discounts', 'product', 'Products', 'taxes');

/** Mutants of `page` (itself valid); `cursor` is what the till holds before the page arrives. */
export function mutantOf(page: DownstreamPage, cursor: string): fc.Arbitrary<Mutant> {
  const root = page as unknown as Json;
  const all = keyPaths(root);
  const leaves = all.filter((e) => isLeaf(e.value));
  const stringLeaves = leaves.filter((e) => typeof e.value === 'string');
  // Optional on the wire: `remaining`, `changes.staff` (protocol 1 hubs send none; it defaults to []),
  // and protocol 3's `changes.store_settings` (default []) and a product's `open_price` (default false).
  const OPTIONAL_CHANGES = new Set(['changes.staff', 'changes.store_settings']);
  const required = all.filter((e) => leafName(e.path) !== 'remaining' && leafName(e.path) !== 'open_price' && !OPTIONAL_CHANGES.has(e.path.join('.')));
  const numeric = leaves.filter((e) => typeof e.value === 'number' && INT_RULES[leafName(e.path)] !== undefined);
  const ids = leaves.filter((e) => ID_FIELDS.has(leafName(e.path)) && e.value !== null);
  const times = leaves.filter((e) => TIME_FIELDS.has(leafName(e.path)));
  const text = JSON.stringify(page);
  // Text the hub can never have stored: a NUL or a lone surrogate in a name, code or contact field.
  const storedText = leaves.filter((e) => typeof e.value === 'string' && ['name', 'sku', 'barcode', 'email', 'phone'].includes(leafName(e.path)));
  const entities = ['products', 'categories', 'customers', 'stock'] as const;

  const schemaMutant = (kind: DefectKind, path: Path, value: Json | undefined): Mutant => ({ kind, body: JSON.stringify(setAt(root, path, value)), expect: formatPath(path) });

  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...leaves).chain((e) => otherType(e.value).map((v) => schemaMutant('wrong_type', e.path, v))) },
    { weight: 3, arbitrary: fc.constantFrom(...required).map((e) => schemaMutant('missing_field', e.path, undefined)) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...stringLeaves), fc.integer({ min: MAX_TEXT_LENGTH + 1, max: HUGE_STRING_MAX })).map(([e, n]) => schemaMutant('huge_string', e.path, 'x'.repeat(n))) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...storedText), fc.constantFrom('\u0000', '\ud800', '\udfff', 'a\ud83d'))
        .map(([e, bad]) => schemaMutant('unstorable_text', e.path, `${e.value as string}${bad}`)),
    },
    { weight: 3, arbitrary: fc.constantFrom(...numeric).chain((e) => badNumber(leafName(e.path)).map((v) => schemaMutant('bad_minor_units', e.path, v))) },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.constantFrom(...ids).chain((e) => badUuid.map((v) => schemaMutant('bad_id_or_time', e.path, v))),
        fc.constantFrom(...times).chain((e) => badTime.map((v) => schemaMutant('bad_id_or_time', e.path, v))),
        badCursor.map((v) => schemaMutant('bad_id_or_time', ['timestamp'], v)),
      ),
    },
    {
      weight: 2,
      arbitrary: fc.oneof(
        // A known entity list replaced by one the till does not know: the known one is then missing.
        fc.tuple(fc.constantFrom(...entities), unknownEntityName).map(([known, unknown]): Mutant => {
          const changes = { ...(root as { changes: Record<string, Json> }).changes };
          changes[unknown] = changes[known]!;
          delete changes[known];
          return { kind: 'unknown_entity', body: JSON.stringify({ ...(root as object), changes }), expect: formatPath(['changes', known]) };
        }),
        // A row of another entity type in a list: e.g. a customer among the products.
        fc.tuple(fc.constantFrom(...entities), fc.constantFrom(...entities)).filter(([a, b]) => a !== b).map(([into, from]): Mutant => {
          const changes = (root as { changes: Record<string, Json[]> }).changes;
          const foreign = changes[from]![0]!;
          return { kind: 'unknown_entity', body: JSON.stringify(setAt(root, ['changes', into, 0], foreign)), expect: formatPath(['changes', into, 0]) };
        }),
        fc.constantFrom<Json>([], 'products', null, 7).map((v) => schemaMutant('unknown_entity', ['changes'], v)),
      ),
    },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.integer({ min: 0, max: text.length - 1 }).map((n): Mutant => ({ kind: 'broken_json', body: text.slice(0, n), expect: 'not JSON' })),
        fc.constantFrom('<html>502 Bad Gateway</html>', '{"sync_id":"a",}', `${text}}`, `\u0000${text}`, "{'sync_id':'a'}", 'NaN').map((body): Mutant => ({ kind: 'broken_json', body, expect: 'not JSON' })),
        fc.constantFrom('[]', 'null', '"page"', '42', 'true').map((body): Mutant => ({ kind: 'broken_json', body, expect: '(root)' })),
      ),
    },
    { weight: 1, arbitrary: fc.constant<Mutant>({ kind: 'stalled_cursor', body: JSON.stringify({ ...page, timestamp: cursor, has_more: true }), expect: 'did not advance' }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...entities).map((entity): Mutant => {
        const rows = (root as { changes: Record<string, Json[]> }).changes[entity]!;
        const many = Array.from({ length: MAX_DOWNSTREAM_LIMIT + 1 }, (_, i) => rows[i % rows.length]!);
        return { kind: 'oversized_array', body: JSON.stringify(setAt(root, ['changes', entity], many)), expect: formatPath(['changes', entity]) };
      }),
    },
  );
}
