// The two parsers built from the one contract: `strictContract` for the hub (unknown keys are
// errors), `lenientContract` for the till (unknown keys from a newer hub are ignored).
import { objectBuilder, type Strictness } from './strictness';
import { downstreamSchemas } from './downstream';
import { upstreamSchemas } from './upstream';
import { terminalSchemas } from './terminal';
import { apiErrorSchemas } from './api-error';
import { adminSchemas } from './admin';
import { demoPairingSchemas } from './demo-pairing';

function buildContract(strictness: Strictness) {
  const object = objectBuilder(strictness);
  return {
    downstream: downstreamSchemas(object),
    upstream: upstreamSchemas(object),
    terminal: terminalSchemas(object),
    apiError: apiErrorSchemas(object),
    admin: adminSchemas(object),
    demo: demoPairingSchemas(object),
  };
}

export type Contract = ReturnType<typeof buildContract>;
export const strictContract: Contract = buildContract('strict');
export const lenientContract: Contract = buildContract('lenient');
