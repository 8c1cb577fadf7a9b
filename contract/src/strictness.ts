// One definition, two parsers: the hub parses strictly (unknown keys are an error), the till
// parses leniently (unknown keys from a newer hub are dropped) but never applies what fails.
import { z } from 'zod';

export type Strictness = 'strict' | 'lenient';

/**
 * Documentation of a message, for the hub's OpenAPI document: `id` names it as a component
 * (components.schemas), `description` says what it is. Neither changes what is accepted.
 */
export interface SchemaDoc {
  id?: string;
  description?: string;
}

export interface ObjectBuilder {
  <S extends z.ZodRawShape>(shape: S, doc?: SchemaDoc): z.ZodObject<S>;
  /** Documents a schema that is more than an object (an object with a refinement). */
  doc<T extends z.ZodType>(schema: T, doc: SchemaDoc): T;
}

/**
 * Component ids go on the strict schemas only: those are the ones the hub validates and documents.
 * zod keeps ids in one global registry, and two schemas with one id cannot be converted together,
 * so the lenient twin carries the description alone.
 */
function documented<T extends z.ZodType>(strictness: Strictness, schema: T, doc: SchemaDoc | undefined): T {
  if (doc === undefined) return schema;
  const meta: Record<string, string> = {};
  if (doc.id !== undefined && strictness === 'strict') meta['id'] = doc.id;
  if (doc.description !== undefined) meta['description'] = doc.description;
  return Object.keys(meta).length === 0 ? schema : schema.meta(meta);
}

function makeBuilder(strictness: Strictness): ObjectBuilder {
  const object = <S extends z.ZodRawShape>(shape: S, doc?: SchemaDoc) =>
    documented(strictness, (strictness === 'strict' ? z.strictObject(shape) : z.object(shape)) as unknown as z.ZodObject<S>, doc);
  return Object.assign(object, { doc: <T extends z.ZodType>(schema: T, doc: SchemaDoc) => documented(strictness, schema, doc) });
}

/** One builder per strictness, so schema groups built once per builder (see oncePerBuilder) are shared. */
const BUILDERS: Record<Strictness, ObjectBuilder> = { strict: makeBuilder('strict'), lenient: makeBuilder('lenient') };

export function objectBuilder(strictness: Strictness): ObjectBuilder {
  return BUILDERS[strictness];
}

/**
 * Builds a group of schemas once per builder. Several messages embed the same group (a Sale is in the
 * upstream batch and the admin sales report); built twice, it would be two schemas under one component
 * id, which the OpenAPI generator refuses, and the document would inline it at every use.
 */
export function oncePerBuilder<T>(build: (object: ObjectBuilder) => T): (object: ObjectBuilder) => T {
  const built = new WeakMap<ObjectBuilder, T>();
  return (object) => {
    let group = built.get(object);
    if (group === undefined) {
      group = build(object);
      built.set(object, group);
    }
    return group;
  };
}
