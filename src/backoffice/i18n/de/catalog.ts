import type { Messages } from '../messages.ts';
import type { catalog as en } from '../en/catalog.ts';

export const catalog: Messages<typeof en> = {
  title: 'Katalog',
};
