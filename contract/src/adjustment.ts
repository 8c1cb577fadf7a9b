// An inventory adjustment: an append-only delta, never a new absolute figure, so two tills'
// adjustments add up instead of overwriting each other. Stock is the sum.
import type { z } from 'zod';
import type { ObjectBuilder } from './strictness.ts';
import { IsoTime, Quantity, Text, Uuid } from './primitives.ts';

export function adjustmentSchemas(object: ObjectBuilder) {
  const adjustment = object({
    uuid: Uuid,
    product_uuid: Uuid,
    delta: Quantity.refine((d) => d !== 0, 'delta must not be 0'),
    reason: Text.min(1),
    created_at: IsoTime,
  });
  return { adjustment };
}

export type Adjustment = z.infer<ReturnType<typeof adjustmentSchemas>['adjustment']>;
