// Attaching a customer to the sale.
export const customer = {
  title: 'Customer',
  search: 'Search customers',
  hint: 'Type part of a name, e-mail address or phone number.',
  none: 'No customer found.',
  list: 'Customers',
} as const;
