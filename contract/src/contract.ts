// The two parsers built from the one contract: `strictContract` for the hub (unknown keys are
// errors), `lenientContract` for the till (unknown keys from a newer hub are ignored).
import { objectBuilder, type Strictness } from './strictness.ts';
import { downstreamSchemas } from './downstream.ts';
import { upstreamSchemas } from './upstream.ts';
import { terminalSchemas } from './terminal.ts';
import { apiErrorSchemas } from './api-error.ts';
import { adminSchemas } from './admin.ts';
import { demoPairingSchemas } from './demo-pairing.ts';
import { pairingSchemas } from './pairing.ts';
import { staffSchemas } from './staff.ts';
import { deviceSchemas } from './devices.ts';
import { reportSchemas } from './reports.ts';
import { upstreamSchemas as upstreamV1Schemas } from './v1/upstream.ts';

function buildContract(strictness: Strictness) {
  const object = objectBuilder(strictness);
  return {
    downstream: downstreamSchemas(object),
    upstream: upstreamSchemas(object),
    /** Protocol 1's upstream, frozen: the hub parses a batch with it when the till says it speaks 1. */
    upstreamV1: upstreamV1Schemas(object),
    terminal: terminalSchemas(object),
    apiError: apiErrorSchemas(object),
    admin: adminSchemas(object),
    demo: demoPairingSchemas(object),
    pairing: pairingSchemas(object),
    staff: staffSchemas(object),
    devices: deviceSchemas(object),
    reports: reportSchemas(object),
  };
}

export type Contract = ReturnType<typeof buildContract>;
export const strictContract: Contract = buildContract('strict');
export const lenientContract: Contract = buildContract('lenient');
