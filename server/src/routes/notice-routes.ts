// GET /api/v1/sync/notices: a till's live notice stream (Server-Sent Events through @fastify/sse, the
// Fastify organisation's plugin for Fastify 5). Authenticated like every sync route (device token,
// protocol header, rate limit) before anything streams; then `ready`, then a `changed` notice whenever
// a committed change concerns this till's store (live/notice-hub.ts), and a comment line every
// pingMs. Over a limit: 503 with Retry-After, and the till keeps to its periodic pull.
// An SSE reply bypasses Fastify's serialisation and onSend hooks (compression included): the headers
// those hooks set are set here.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { NOTICES_PATH, NoticeEvent, noticeSchemas } from '@ezo/contract/notices';
import { objectBuilder } from '@ezo/contract/strictness';
import { HttpError } from '../http/api-error.ts';
import type { HubContext } from '../http/hub-context.ts';
import { REQUEST_ID_HEADER } from '../http/logging.ts';
import type { NoticeHub, NoticeStream } from '../live/notice-hub.ts';
import type { LiveLimits } from '../live/live-limits.ts';
import { errorResponses } from '../openapi/error-responses.ts';
import { encodeCursor } from '../sync/cursor.ts';
import { protocolHeader } from './sync-routes.ts';
import { terminalAuth } from './terminal-auth.ts';

const notices = noticeSchemas(objectBuilder('strict'));

const STREAM_DESCRIPTION = [
  'A `text/event-stream` (Server-Sent Events) that stays open while the till is online. Events:',
  '`ready` (data `{}`) once when the stream opens: pull once, to cover the time the till was not connected;',
  "`changed` (data: a ChangeNotice) when data this till's store pulls changed up to `cursor`: pull when it is past the till's own cursor.",
  'Comment lines (`: ping`) keep an idle stream open. Before an instance shuts down it sends `retry:` and ends the stream: reconnect after that many milliseconds.',
  'Notices are coalesced (at most one per stream every few hundred milliseconds, with the newest cursor); a client that does not read is disconnected.',
  'Over the per-store or per-instance limit of open streams the answer is 503 with Retry-After: sync by periodic pull meanwhile.',
].join(' ');

export function registerNoticeRoutes(app: FastifyInstance, ctx: HubContext, hub: NoticeHub, limits: LiveLimits): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { authenticate, caller } = terminalAuth(ctx);

  api.get(
    NOTICES_PATH,
    {
      sse: { kind: 'only', heartbeat: false },
      onRequest: (request) => authenticate(request),
      schema: {
        operationId: 'streamNotices',
        summary: "Live notices of changes concerning this till's store (Server-Sent Events)",
        description: STREAM_DESCRIPTION,
        tags: ['sync'],
        security: [{ terminal: [] }],
        headers: protocolHeader,
        response: {
          200: {
            description: 'The event stream. Its schema here is that of the data of each `changed` event (JSON); `ready` carries `{}`, and `: ping` comment lines come between events.',
            content: { 'text/event-stream': { schema: notices.changed } },
          },
          ...errorResponses(400, 401, 426, 429, 500, 503),
        },
      },
    },
    async (request, reply) => {
      const { who } = caller(request);
      const raw = reply.raw;
      const stream: NoticeStream = {
        storeId: who.storeId,
        buffered: () => raw.writableLength,
        changed: (version) => void reply.sse.send({ event: NoticeEvent.changed, data: { cursor: encodeCursor(version) } }).catch(() => undefined),
        ping: () => {
          if (!raw.writableEnded) raw.write(': ping\n\n');
        },
        end: (retryMs) => {
          if (!raw.writableEnded) raw.end(`retry: ${retryMs}\n\n`);
        },
        destroy: () => raw.destroy(),
      };
      const admission = await hub.attach(stream);
      if (!admission.ok) {
        if (admission.reason !== 'unavailable') ctx.metrics.countStreamTurnedAway(admission.reason);
        const message = admission.reason === 'unavailable' ? 'live notices are unavailable on this hub instance; sync by pull' : `too many live streams (${admission.reason}); sync by pull`;
        throw new HttpError('unavailable', message, undefined, { 'Retry-After': String(limits.retryAfterS) });
      }
      reply.sse.onClose(admission.detach);
      reply.sse.keepAlive();
      void reply.header(REQUEST_ID_HEADER, request.id).header('Cache-Control', 'no-store');
      // Sends the headers: from here on the answer is the stream.
      await reply.sse.send({ event: NoticeEvent.ready, data: {} });
    },
  );
}
