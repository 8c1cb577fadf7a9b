// Answers of the hub's own routes that the wire contract does not hold: the till never reads them,
// and adding them to @ezo/contract would change the protocol hash for no wire change. Named here for
// the OpenAPI document like the contract's messages (a component id per schema).
import { z } from 'zod';
import { strictContract } from '@ezo/contract/contract';

export const health = z
  .strictObject({
    status: z.literal('ok'),
    database: z.enum(['pglite', 'postgres']).describe('The backend: embedded PGlite or a PostgreSQL server.'),
  })
  .meta({ id: 'Health', description: 'The hub is up and its database answers.' });

export const storeList = z
  .strictObject({ stores: z.array(strictContract.admin.store).describe('Oldest first.') })
  .meta({ id: 'StoreList', description: 'Every store of the hub.' });

/** The OpenAPI document itself: JSON, described by the OpenAPI 3.1 specification, not by this contract. */
export const openApiDocument = z.record(z.string(), z.unknown()).meta({ description: 'An OpenAPI 3.1 document.' });
