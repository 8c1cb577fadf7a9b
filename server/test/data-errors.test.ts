// Which database errors are about one item's data (rejected alone) and which about the server (the batch fails).
import { describe, expect, it } from 'vitest';
import { isDataError } from '../src/db/database.ts';

describe('isDataError', () => {
  it('data exceptions, constraints, program limits and trigger raises are the data', () => {
    for (const code of ['22021', '22P05', '22008', '22003', '23505', '23503', '23514', '54000', 'P0001']) expect(isDataError(code), code).toBe(true);
  });

  it('connection, rollback, resources, operator and the hub’s own SQL bugs are the server', () => {
    for (const code of ['08006', '40001', '40P01', '53300', '57P01', '58030', 'XX000', '42703', '42P01', '25P02', undefined, '', '22']) expect(isDataError(code), String(code)).toBe(false);
  });
});
