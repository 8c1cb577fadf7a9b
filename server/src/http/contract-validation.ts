// How routes validate and serialize with their declared zod schemas (fastify-type-provider-zod types
// and documents the routes; these two compilers decide what happens at run time).
//
// The validator is ours, not the provider's: the provider's turns zod issues into Ajv-shaped errors,
// this one fails with the contract's 400 directly (HttpError, the same bounded issue list as before),
// which the error handler sends as it is. Fastify keeps an Error's own `code` and status.
import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { HttpError, zodIssues } from './api-error.ts';

type HttpPart = 'body' | 'querystring' | 'params' | 'headers';

/** What a 400's message calls each part of the request. */
const PART_NAMES: Record<HttpPart, string> = { body: 'the body', querystring: 'the query', params: 'the path', headers: 'the headers' };

const isHttpPart = (part: string | undefined): part is HttpPart => part !== undefined && part in PART_NAMES;

// The compilers are typed over `unknown`: Fastify types a route's own compiler by the route's whole schema
// object; every schema the hub declares is a zod schema (the type provider checks that at each route).

/** A validator compiler; `names` renames a part for one route's messages ("the batch is not valid"). */
export function contractValidatorCompiler(names: Partial<Record<HttpPart, string>> = {}): FastifySchemaCompiler<unknown> {
  return ({ schema, httpPart }) => {
    const zod = schema as z.ZodType;
    const what = isHttpPart(httpPart) ? (names[httpPart] ?? PART_NAMES[httpPart]) : 'the request';
    return (data: unknown) => {
      const result = zod.safeParse(data);
      if (result.success) return { value: result.data };
      return { error: new HttpError('bad_request', `${what} is not valid`, zodIssues(result.error)) };
    };
  };
}

/**
 * Like contractValidatorCompiler, but leaves the body to the handler: for a route whose body schema
 * depends on the request (the upstream batch follows the protocol header), the declared schema only
 * documents the current version and the handler parses with the one the till speaks.
 */
export function handlerParsesBody(names: Partial<Record<HttpPart, string>> = {}): FastifySchemaCompiler<unknown> {
  const others = contractValidatorCompiler(names);
  return (route) => (route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : others(route));
}

/**
 * Responses are encoded through their zod schema (the provider's serializer): the hub never sends a
 * body its own contract refuses; a mismatch is a 500, a bug.
 */
export const contractSerializerCompiler = serializerCompiler as FastifySerializerCompiler<unknown>;

/**
 * Plain JSON.stringify for the hot routes (a 500-item upstream answer, a 5,000-sale report): their
 * bodies are built from rows the hub validated on the way in, and checking them again on the way out
 * costs more than the rest of the answer's work (see server/README.md, "API"). Their schemas are still
 * declared, so they are typed and documented all the same.
 */
export const fastJsonSerializerCompiler: FastifySerializerCompiler<unknown> = () => (data: unknown) => JSON.stringify(data);
