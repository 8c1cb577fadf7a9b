// The manage_store_settings permission (issue 19): a store's settings were owner-only; now the owner and
// manager roles hold the permission, so a store manager edits their own store's settings (receipt
// footer, PIN lock, discount limit...). Added to the existing role rows, not reset: an organisation that
// changed its roles keeps its other choices. The owner role always holds every permission.
import type { Migration } from './migration.ts';

export const storeSettingsPermissionMigration: Migration = {
  version: 18,
  statements: [
    `UPDATE role_permissions SET permissions = array_append(permissions, 'manage_store_settings'), updated_at = now()
      WHERE role IN ('owner', 'manager') AND NOT ('manage_store_settings' = ANY (permissions))`,
  ],
};
