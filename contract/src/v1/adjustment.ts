// FROZEN: protocol 1 as it was released (contract/src/adjustment.ts at protocol 1). The hub still parses batches of
// tills that speak 1 with it (see ../protocol-version.ts). Never edit: v1-frozen.test.ts pins its hash.
// An inventory adjustment: an append-only delta, never a new absolute figure, so two tills'
// adjustments add up instead of overwriting each other. Stock is the sum.
import type { z } from 'zod';
import { oncePerBuilder } from '../strictness.ts';
import { IsoTime, Quantity, Text, Uuid } from '../primitives.ts';

export const adjustmentSchemas = oncePerBuilder((object) => {
  const adjustment = object(
    {
      uuid: Uuid.describe('Idempotency id of this adjustment.'),
      product_uuid: Uuid,
      delta: Quantity.refine((d) => d !== 0, 'delta must not be 0').describe('Units added (positive) or removed (negative).'),
      reason: Text.min(1),
      created_at: IsoTime,
    },
    { id: 'AdjustmentV1', description: 'A stock adjustment at the terminal store: a delta, never an absolute figure, so adjustments add up.' },
  );
  return { adjustment };
});

export type Adjustment = z.infer<ReturnType<typeof adjustmentSchemas>['adjustment']>;
