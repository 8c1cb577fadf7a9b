import type { customer as en } from '../en/customer.ts';
import type { Messages } from '../messages.ts';

export const customer: Messages<typeof en> = {
  title: 'Kunde',
  search: 'Kunden suchen',
  hint: 'Tippen Sie einen Teil von Name, E-Mail-Adresse oder Telefonnummer.',
  none: 'Kein Kunde gefunden.',
  list: 'Kunden',
};
