// The last pass over the generated document. Hand-written because neither library does it:
// fastify-type-provider-zod emits every registered schema twice (an output `X` and an input `XInput`),
// used or not, and @fastify/swagger has no named responses for route schemas. This pass
//  - names each error status once under components.responses and refers to it from every operation,
//  - merges `XInput` into `X` where both say the same (most of the contract: a Sale in is a Sale out),
//  - drops components nothing refers to, and names a lone `XInput` plain `X`.
import { ERROR_RESPONSES, type ErrorResponse } from './error-responses.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SCHEMA_REF = '#/components/schemas/';
const RESPONSE_REF = '#/components/responses/';
const INPUT_SUFFIX = 'Input';
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Copies `value` with every `$ref` string passed through `rename`. */
function mapRefs(value: Json, rename: (ref: string) => string): Json {
  if (Array.isArray(value)) return value.map((v) => mapRefs(v, rename));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) out[key] = key === '$ref' && typeof child === 'string' ? rename(child) : mapRefs(child, rename);
  return out;
}

function eachRef(value: Json, visit: (ref: string) => void): void {
  if (Array.isArray(value)) value.forEach((v) => eachRef(v, visit));
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') visit(child);
      else eachRef(child, visit);
    }
  }
}

const canonical = (value: Json): string => JSON.stringify(value, (_key, v: Json) => (isObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));

function operations(doc: JsonObject): JsonObject[] {
  const paths = isObject(doc['paths']) ? doc['paths'] : {};
  return Object.values(paths).flatMap((item) => (isObject(item) ? Object.entries(item).filter(([m, op]) => METHODS.has(m) && isObject(op)).map(([, op]) => op as JsonObject) : []));
}

function nameErrorResponses(doc: JsonObject, components: JsonObject): void {
  const named: JsonObject = isObject(components['responses']) ? components['responses'] : {};
  for (const op of operations(doc)) {
    const responses = op['responses'];
    if (!isObject(responses)) continue;
    for (const [status, response] of Object.entries(responses)) {
      const error = (ERROR_RESPONSES as Record<string, ErrorResponse | undefined>)[status];
      if (error === undefined || !isObject(response)) continue;
      if (named[error.name] === undefined) {
        const retry: JsonObject = { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 1 } };
        named[error.name] = { description: error.description, ...(isObject(response['content']) ? { content: response['content'] } : {}), ...(error.retryAfter === true ? { headers: { 'Retry-After': retry } } : {}) };
      }
      responses[status] = { $ref: `${RESPONSE_REF}${error.name}` };
    }
  }
  components['responses'] = named;
}

/** The `XInput` names that can become `X`: the greatest set whose members equal their twin once the set's own refs are renamed. */
function mergeableInputs(schemas: JsonObject): Set<string> {
  const candidates = new Set(Object.keys(schemas).filter((n) => n.endsWith(INPUT_SUFFIX) && schemas[n.slice(0, -INPUT_SUFFIX.length)] !== undefined));
  for (let changed = true; changed; ) {
    changed = false;
    const rename = (ref: string) => (ref.startsWith(SCHEMA_REF) && candidates.has(ref.slice(SCHEMA_REF.length)) ? ref.slice(0, -INPUT_SUFFIX.length) : ref);
    for (const name of candidates) {
      const twin = schemas[name.slice(0, -INPUT_SUFFIX.length)] as Json;
      if (canonical(mapRefs(schemas[name] as Json, rename)) !== canonical(mapRefs(twin, rename))) {
        candidates.delete(name);
        changed = true;
      }
    }
  }
  return candidates;
}

function renameSchemas(doc: JsonObject, components: JsonObject, renames: Map<string, string>): JsonObject {
  const rename = (ref: string) => (ref.startsWith(SCHEMA_REF) ? SCHEMA_REF + (renames.get(ref.slice(SCHEMA_REF.length)) ?? ref.slice(SCHEMA_REF.length)) : ref);
  const out = mapRefs(doc, rename) as JsonObject;
  const schemas = components['schemas'] as JsonObject;
  const renamed: JsonObject = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const to = renames.get(name) ?? name;
    if (renamed[to] === undefined) renamed[to] = mapRefs(schema, rename);
  }
  (out['components'] as JsonObject)['schemas'] = renamed;
  return out;
}

/** Keeps the schemas reachable from the paths and the named responses. */
function dropUnused(doc: JsonObject): void {
  const components = doc['components'] as JsonObject;
  const schemas = components['schemas'] as JsonObject;
  const used = new Set<string>();
  const queue: Json[] = [doc['paths'] ?? null, components['responses'] ?? null];
  while (queue.length > 0) {
    eachRef(queue.pop() as Json, (ref) => {
      const name = ref.startsWith(SCHEMA_REF) ? ref.slice(SCHEMA_REF.length) : undefined;
      if (name === undefined || used.has(name) || schemas[name] === undefined) return;
      used.add(name);
      queue.push(schemas[name]);
    });
  }
  components['schemas'] = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
}

export function tidyDocument(input: unknown): JsonObject {
  let doc = structuredClone(input) as JsonObject;
  const components = isObject(doc['components']) ? doc['components'] : (doc['components'] = {});
  if (!isObject(components['schemas'])) components['schemas'] = {};
  nameErrorResponses(doc, components);

  const merge = mergeableInputs(components['schemas']);
  doc = renameSchemas(doc, components, new Map([...merge].map((n) => [n, n.slice(0, -INPUT_SUFFIX.length)])));
  dropUnused(doc);

  const left = (doc['components'] as JsonObject)['schemas'] as JsonObject;
  const lone = Object.keys(left).filter((n) => n.endsWith(INPUT_SUFFIX) && left[n.slice(0, -INPUT_SUFFIX.length)] === undefined);
  return renameSchemas(doc, doc['components'] as JsonObject, new Map(lone.map((n) => [n, n.slice(0, -INPUT_SUFFIX.length)])));
}
