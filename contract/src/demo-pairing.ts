// GET /api/v1/demo/pairing on the origin that served the till: a hub in demo mode hands an unpaired
// till on the same machine (loopback only) its configured server URL and a fresh one-time pairing code
// for the demo terminal, which the till redeems like any other (pairing.ts). 404 on any other hub,
// and to any caller not on loopback.
import { z } from 'zod';
import { oncePerBuilder } from './strictness.ts';
import { PairingCode } from './pairing.ts';

export const demoPairingSchemas = oncePerBuilder((object) => {
  const demoPairing = object(
    {
      server_url: z.url().describe('The hub URL the till should call (from the configuration, never from the request).'),
      code: PairingCode.describe('A pairing code for the demo terminal, to redeem at POST /api/v1/pairing/redeem.'),
    },
    { id: 'DemoPairing', description: 'What a demo hub hands an unpaired till on its own machine.' },
  );
  return { demoPairing };
});

export type DemoPairing = z.infer<ReturnType<typeof demoPairingSchemas>['demoPairing']>;
