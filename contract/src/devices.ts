// Devices (protocol 2): each paired till is a device with its own token. The till reports its queue
// each sync pass; the admin lists a store's devices and revokes one (a lost tablet): from then on every
// request with its token answers 401 device_revoked and writes nothing.
//
//   POST /api/v1/sync/device-report  DeviceReport                 -> 204          (device token)
//   GET  /api/v1/admin/devices?store_id=                          -> DeviceList   (admin)
//   POST /api/v1/admin/devices/:device_id/revoke                  -> Device       (admin)
import { z } from 'zod';
import { oncePerBuilder } from './strictness.ts';
import { Code, IsoTime, Name, Uuid } from './primitives.ts';
import { AppVersion } from './pairing.ts';
import { MAX_REPORTED_COUNT } from './limits.ts';

export const DeviceStatus = z
  .enum(['active', 'retired', 'revoked'])
  .describe('active: may sync; retired: another device was paired to its terminal since; revoked: an admin revoked it.');
export type DeviceStatus = z.infer<typeof DeviceStatus>;

const Count = z.int().min(0).max(MAX_REPORTED_COUNT);
const ProtocolVersionNumber = z.int().min(1).max(1_000);

export const deviceSchemas = oncePerBuilder((object) => {
  const report = object(
    {
      app_version: AppVersion,
      protocol_version: ProtocolVersionNumber.describe('The protocol the till speaks.'),
      pending: Count.describe('Sales, adjustments and edits waiting to be pushed.'),
      failed: Count.describe('Items the hub rejected or that failed repeatedly, kept on the till for staff.'),
    },
    { id: 'DeviceReport', description: "The till's state, sent each sync pass and shown in the admin device list." },
  );
  const device = object(
    {
      id: Uuid,
      terminal_id: Uuid,
      terminal_name: Name,
      store_id: Uuid,
      label: Name.nullable().describe('The name the till gave when paired.'),
      receipt_prefix: Code.describe("This device's receipt prefix; unique in its store."),
      status: DeviceStatus,
      paired_at: IsoTime,
      last_seen_at: IsoTime.nullable().describe('The last authenticated request (to about a minute).'),
      app_version: AppVersion.nullable().describe('As last reported (or sent when pairing).'),
      protocol_version: ProtocolVersionNumber.nullable(),
      pending: Count.nullable().describe('Items waiting on the till, as last reported.'),
      failed: Count.nullable().describe('Failed items on the till, as last reported.'),
      reported_at: IsoTime.nullable().describe('When the till last reported.'),
      ended_at: IsoTime.nullable().describe('When it was retired or revoked.'),
    },
    { id: 'Device', description: 'A paired till.' },
  );
  const listQuery = object({ store_id: Uuid.describe('The store.') });
  const list = object({ devices: z.array(device).describe('Newest pairing first.') }, { id: 'DeviceList', description: "A store's devices, active and ended." });
  const params = object({ device_id: Uuid.describe('The device.') });
  return { report, device, listQuery, list, params };
});

type Schemas = ReturnType<typeof deviceSchemas>;
export type DeviceReport = z.infer<Schemas['report']>;
export type Device = z.infer<Schemas['device']>;
