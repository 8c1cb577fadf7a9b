// GET /api/v1/demo/pairing on the origin that served the till: a hub in demo mode hands an
// unpaired till its server URL and a terminal token (404 when the hub is not in demo mode).
import { z } from 'zod';
import type { ObjectBuilder } from './strictness.ts';

export function demoPairingSchemas(object: ObjectBuilder) {
  const demoPairing = object({
    server_url: z.url(),
    token: z.string().min(1).max(500),
  });
  return { demoPairing };
}

export type DemoPairing = z.infer<ReturnType<typeof demoPairingSchemas>['demoPairing']>;
