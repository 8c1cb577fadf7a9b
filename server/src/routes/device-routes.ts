// Admin: pairing codes for a terminal, a store's devices, revoking one, and importing a till's export
// of unsynced items (e.g. from a revoked tablet) exactly once.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { strictContract } from '@ezo/contract/contract';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import type { AnyBatch } from '../sync/ingest-batch.ts';
import type { TerminalPrincipal } from '../auth/authenticate.ts';
import type { Sql } from '../db/database.ts';
import { HttpError, zodIssues } from '../http/api-error.ts';
import { fastJsonSerializerCompiler, handlerParsesBody } from '../http/contract-validation.ts';
import type { HubContext } from '../http/hub-context.ts';
import { errorResponses } from '../openapi/error-responses.ts';
import { createPairingCode } from '../devices/pairing.ts';
import { listDevices, revokeDevice } from '../devices/devices.ts';
import { ingestBatch } from '../sync/ingest-batch.ts';
import { ADMIN_SECURITY, ADMIN_TAGS, adminGuard, json } from './admin-guard.ts';
import { requireRowStore } from './request-scope.ts';
import { principalOf, requirePermission } from '../auth/principal.ts';

const { pairing, devices, admin, upstream, upstreamV1 } = strictContract;

/** A till's export: protocol 3 (or 2: its batches are protocol 3 batches) if it parses as such, else protocol 1 (its items have no staff fields); else the protocol 3 issues. */
export function parseExport(body: unknown): AnyBatch {
  const v2 = upstream.batch.safeParse(body);
  if (v2.success) return v2.data;
  const v1 = upstreamV1.batch.safeParse(body);
  if (v1.success) return v1.data;
  throw new HttpError('bad_request', 'the file is not a till export (an upstream batch)', zodIssues(v2.error));
}

/** The terminal as if it were calling, with the device the file came from (when given) recorded on its items. */
async function importer(db: Sql, terminalId: string, deviceId: string | undefined): Promise<TerminalPrincipal> {
  const rows = await db.query<{
    id: string;
    name: string;
    receipt_prefix: string;
    store_id: string;
    store_name: string;
    currency: string;
    locale: string;
    idle_lock_seconds: number;
    discount_limit_percent: number;
  }>(
    `SELECT t.id::text AS id, t.name, t.receipt_prefix, s.id::text AS store_id, s.name AS store_name, s.currency, s.locale, s.idle_lock_seconds, s.discount_limit_percent
       FROM terminals t JOIN stores s ON s.id = t.store_id WHERE t.id = $1`,
    [terminalId],
  );
  const t = rows[0];
  if (t === undefined) throw new HttpError('not_found', `no terminal ${terminalId}`);
  let prefix = t.receipt_prefix;
  if (deviceId !== undefined) {
    const device = await db.query<{ receipt_prefix: string }>('SELECT receipt_prefix FROM devices WHERE id = $1 AND terminal_id = $2', [deviceId, terminalId]);
    if (device[0] === undefined) throw new HttpError('not_found', `terminal ${terminalId} has no device ${deviceId}`);
    prefix = device[0].receipt_prefix;
  }
  return {
    terminalId: t.id,
    terminalName: t.name,
    receiptPrefix: prefix,
    storeId: t.store_id,
    storeName: t.store_name,
    currency: t.currency.trim(),
    locale: t.locale,
    deviceId: deviceId?.toLowerCase() ?? null,
    idleLockSeconds: t.idle_lock_seconds,
    discountLimitPercent: t.discount_limit_percent,
  };
}

export function registerDeviceRoutes(app: FastifyInstance, ctx: HubContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Owners, and managers holding manage_devices in the store of the terminal or device (else 404 or 403).
  const guard = adminGuard(ctx, 'route');

  api.post(
    '/api/v1/admin/terminals/:terminal_id/pairing-codes',
    {
      onRequest: guard,
      schema: {
        operationId: 'createPairingCode',
        summary: 'A one-time code that pairs a till to this terminal',
        description:
          "Valid 15 minutes, for one device. `url` is the till's configured address with the code in it, for a QR code. " +
          "Redeeming it retires the terminal's current device (and its legacy token).",
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        params: pairing.codeParams,
        response: { 201: json('The code.', pairing.codeCreated), ...errorResponses(400, 401, 404, 500, 503) },
      },
    },
    async (request, reply) => {
      await requireRowStore(ctx.db, request, 'terminals', request.params.terminal_id, 'manage_devices');
      return reply.code(201).send(await createPairingCode(ctx.db, request.params.terminal_id, ctx.now(), ctx.publicUrl()));
    },
  );

  api.get(
    '/api/v1/admin/devices',
    {
      onRequest: guard,
      schema: {
        operationId: 'listDevices',
        summary: "A store's devices",
        description: 'Active, retired and revoked, newest pairing first, with what each till last reported.',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        querystring: devices.listQuery,
        response: { 200: json('The devices.', devices.list), ...errorResponses(400, 401, 500, 503) },
      },
    },
    async (request) => {
      requirePermission(principalOf(request), 'manage_devices', request.query.store_id);
      return { devices: await listDevices(ctx.db, request.query.store_id) };
    },
  );

  api.post(
    '/api/v1/admin/devices/:device_id/revoke',
    {
      onRequest: guard,
      schema: {
        operationId: 'revokeDevice',
        summary: 'Revoke a device (a lost or stolen tablet)',
        description:
          'From now on every request with its token answers 401 device_revoked and writes nothing. The till keeps its unsynced items; ' +
          'export them there and import them with POST /api/v1/admin/terminals/{terminal_id}/import.',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        params: devices.params,
        response: { 200: json('The device as revoked.', devices.device), ...errorResponses(400, 401, 404, 500, 503) },
      },
    },
    async (request) => {
      await requireRowStore(ctx.db, request, 'devices', request.params.device_id, 'manage_devices');
      const device = await revokeDevice(ctx.db, request.params.device_id, ctx.now());
      request.log.info({ device: device.id }, 'device revoked');
      return device;
    },
  );

  api.post(
    '/api/v1/admin/terminals/:terminal_id/import',
    {
      onRequest: guard,
      validatorCompiler: handlerParsesBody({ body: 'the file' }),
      serializerCompiler: fastJsonSerializerCompiler,
      schema: {
        operationId: 'importTillExport',
        summary: "Import a till's export of unsynced items",
        description:
          'The file the till wrote with "Export unsynced sales" (one upstream batch, protocol 3, 2 or 1; shifts from protocol 3), applied as if the terminal had pushed it: ' +
          'each item once by its uuid, so items the hub already has answer duplicate and a second import changes nothing.',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        params: admin.importParams,
        querystring: admin.importQuery,
        body: admin.importBatch,
        response: { 200: json('One result per item.', upstream.response), ...errorResponses(400, 401, 404, 413, 415, 500, 503) },
      },
    },
    async (request) => {
      await requireRowStore(ctx.db, request, 'terminals', request.params.terminal_id, 'manage_devices');
      const batch = parseExport(request.body);
      const who = await importer(ctx.db, request.params.terminal_id, request.query.device_id);
      const results = await ingestBatch(ctx.db, who, batch, (refused) =>
        request.log.warn({ sqlstate: refused.sqlstate, entity: refused.entity, uuid: refused.uuid, detail: refused.message }, 'imported item refused by the database'),
      );
      ctx.metrics.countIngest(results);
      const response: UpstreamResponse = { sync_id: batch.sync_id, timestamp: new Date().toISOString(), results };
      return response;
    },
  );
}
