// The documentation the contract carries for the hub's OpenAPI document: component ids on the strict
// schemas only (the lenient twins would collide with them), each shared group built once per builder,
// so a Sale is one schema wherever a message embeds it, and all of them convert together.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lenientContract, strictContract } from './contract.ts';

describe('contract documentation', () => {
  it('names the strict schemas and only those', () => {
    expect(z.globalRegistry.get(strictContract.upstream.sale)?.id).toBe('Sale');
    expect(z.globalRegistry.get(strictContract.upstream.batch)?.id).toBe('UpstreamBatch');
    expect(z.globalRegistry.get(lenientContract.upstream.sale)?.id).toBeUndefined();
    expect(z.globalRegistry.get(lenientContract.upstream.sale)?.description).toBe(z.globalRegistry.get(strictContract.upstream.sale)?.description);
  });

  it('builds a shared group once per strictness', () => {
    expect(strictContract.admin.product).toBe(strictContract.downstream.product);
    expect(strictContract.admin.salesReport.shape.sales.element).toBe(strictContract.admin.adminSale);
    expect(strictContract.admin.adminSale.shape.lines).toBe(strictContract.upstream.sale.shape.lines);
    expect(strictContract.pairing.paired.shape.terminal).toBe(strictContract.terminal.terminalInfo);
    expect(lenientContract.admin.customer).toBe(lenientContract.downstream.customer);
    expect(strictContract.downstream.product).not.toBe(lenientContract.downstream.product);
  });

  it('converts every strict message together without two schemas under one id', () => {
    const all: Record<string, z.ZodType> = {};
    for (const [group, members] of Object.entries(strictContract)) {
      for (const [name, schema] of Object.entries(members as Record<string, unknown>)) if (schema instanceof z.ZodType) all[`${group}_${name}`] = schema;
    }
    const json = z.toJSONSchema(z.object(all), { unrepresentable: 'any' }) as { $defs?: Record<string, unknown> };
    expect(Object.keys(json.$defs ?? {})).toEqual(expect.arrayContaining(['Sale', 'SaleLine', 'Product', 'DownstreamPage', 'ApiError', 'SaleV1', 'StaffMember', 'Device', 'Paired']));
  });
});
