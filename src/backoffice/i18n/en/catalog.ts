// The catalog section: products, categories, VAT rates, CSV import and export.
export const catalog = {
  title: 'Catalog',
} as const;
