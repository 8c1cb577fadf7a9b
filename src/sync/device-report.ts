// The till's report for the hub's device list (POST /api/v1/sync/device-report): app and protocol
// version and the queue's pending and failed counts, sent at the end of each pass that reached the
// hub. Only a device pairing reports (a legacy terminal token has no device to report on). The report
// is validated with the contract before it is sent; its failure never fails the pass (the sales do
// not depend on it), except a 401, which says the device was removed like any other request's.
import { PROTOCOL_VERSION } from '@ezo/contract/protocol-version';
import { MAX_REPORTED_COUNT } from '@ezo/contract/limits';
import { lenientContract } from '@ezo/contract/contract';
import type { SqlExecutor } from './sql-connection.ts';
import type { StoredPairing } from './pairing-store.ts';
import { hubUrl, type HubClient } from './hub-client.ts';
import { queueCounts } from './queue-store.ts';

export type DeviceReportResult = { kind: 'sent' } | { kind: 'skipped' } | { kind: 'failed' } | { kind: 'unauthorised'; code: string | null };

export async function sendDeviceReport(db: SqlExecutor, client: HubClient, pairing: StoredPairing, appVersion: string): Promise<DeviceReportResult> {
  if (pairing.terminal.device_id === null) return { kind: 'skipped' };
  const counts = await queueCounts(db);
  const report = {
    app_version: appVersion,
    protocol_version: PROTOCOL_VERSION,
    pending: Math.min(counts.pending, MAX_REPORTED_COUNT),
    failed: Math.min(counts.failed, MAX_REPORTED_COUNT),
  };
  if (!lenientContract.devices.report.safeParse(report).success) return { kind: 'skipped' };
  const outcome = await client.send({ method: 'POST', url: hubUrl(pairing.serverUrl, '/api/v1/sync/device-report'), token: pairing.token, body: JSON.stringify(report) });
  if (outcome.kind === 'http' && outcome.status === 401) return { kind: 'unauthorised', code: outcome.error?.code ?? null };
  // 204 has no body: the client reports it as 2xx without JSON.
  return outcome.kind === 'ok' || outcome.kind === 'bad_json' ? { kind: 'sent' } : { kind: 'failed' };
}
