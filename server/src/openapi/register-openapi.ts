// The OpenAPI 3.1 document of the hub, built by @fastify/swagger from the routes' own schemas (zod,
// from the wire contract, through fastify-type-provider-zod): a route cannot be served undocumented,
// and the document cannot drift from what the hub accepts. Registered before the routes, whose
// onRoute events it collects; served at OPENAPI_PATH (routes/public-routes.ts).
import type { FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { MIN_SUPPORTED_PROTOCOL_VERSION, PROTOCOL_HEADER, PROTOCOL_VERSION } from '@ezo/contract/protocol-version';
import { COMPRESS_THRESHOLD_BYTES } from '../http/compression.ts';
import { tidyDocument } from './tidy-document.ts';

export const OPENAPI_PATH = '/api/v1/openapi.json';

const DESCRIPTION = [
  'Sync and back-office API of the Ezo POS hub. Tills pull master data (`pullDownstream`) and push sales, stock',
  'adjustments and product edits (`pushUpstream`); the back office edits the catalog, staff and devices and reads reports.',
  'A till pairs by redeeming a one-time code (`redeemPairingCode`) for a device token of its own.',
  '',
  `Every error answer is an \`ApiError\`. Tills send \`${PROTOCOL_HEADER}\`: the hub speaks protocols ${MIN_SUPPORTED_PROTOCOL_VERSION} to ${PROTOCOL_VERSION}`,
  '(an older till is answered 426 `protocol_too_old`). Answers of',
  `${COMPRESS_THRESHOLD_BYTES} bytes or more are compressed (br or gzip) when the request's Accept-Encoding allows it.`,
].join('\n');

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Ezo POS hub', version: String(PROTOCOL_VERSION), description: DESCRIPTION },
      // Relative: the hub that served the document (it has no fixed public URL).
      servers: [{ url: '/', description: 'The hub that serves this document.' }],
      tags: [
        { name: 'sync', description: "The till's API: a device token (or a terminal's legacy token), that terminal's store only." },
        { name: 'pairing', description: 'A till redeeming a one-time pairing code: no token.' },
        { name: 'admin', description: 'The back office: the admin token (automation), or a back-office session (owners: every store; managers: their stores).' },
        { name: 'backoffice', description: 'Back-office sign-in and sign-out (the session cookie).' },
        { name: 'public', description: 'No token.' },
        { name: 'health', description: 'Probes for load balancers and orchestrators; no token.' },
        { name: 'metrics', description: 'Prometheus metrics: METRICS_TOKEN or the admin token.' },
      ],
      components: {
        securitySchemes: {
          terminal: {
            type: 'http',
            scheme: 'bearer',
            description:
              "A device token (POST /api/v1/pairing/redeem), or a terminal's legacy token (POST /api/v1/admin/terminals; retired by the terminal's first pairing). " +
              'It works on its own store only; a revoked or retired device gets 401 device_revoked or device_retired.',
          },
          admin: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN of the hub (automation: every store).' },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'ezo_session',
            description:
              'A back-office session (POST /api/v1/backoffice/session): owners see every store, managers the stores they have a role in. ' +
              'State-changing requests need an Origin header naming this hub.',
          },
          metrics: { type: 'http', scheme: 'bearer', description: 'The METRICS_TOKEN of the hub, for a Prometheus scraper.' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (document) => tidyDocument(jsonSchemaTransformObject(document)) as ReturnType<typeof jsonSchemaTransformObject>,
  });
}
