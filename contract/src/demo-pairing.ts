// GET /api/v1/demo/pairing on the origin that served the till: a hub in demo mode hands an
// unpaired till its server URL and a terminal token (404 when the hub is not in demo mode).
import { z } from 'zod';
import { oncePerBuilder } from './strictness.ts';

export const demoPairingSchemas = oncePerBuilder((object) => {
  const demoPairing = object(
    {
      server_url: z.url().describe('The hub URL the till should call.'),
      token: z.string().min(1).max(500).describe('The demo terminal token.'),
    },
    { id: 'DemoPairing', description: 'What a demo hub hands an unpaired till.' },
  );
  return { demoPairing };
});

export type DemoPairing = z.infer<ReturnType<typeof demoPairingSchemas>['demoPairing']>;
