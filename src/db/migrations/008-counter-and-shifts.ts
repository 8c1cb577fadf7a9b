// Schema v8: receipts letter VAT rates from the catalog's distinct rates (an index makes that a
// short scan).
import type { Migration } from '../migration.ts';

export const migration008: Migration = {
  version: 8,
  name: 'tax rate index',
  sql: `
CREATE INDEX products_tax_rate ON products (tax_rate_bp);
`,
};
