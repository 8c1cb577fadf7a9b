// The Staff screen's calls: members (all, or of one store), create, change (roles, reset PIN or
// password, deactivate).
import { strictContract } from '@ezo/contract/contract';
import type { StaffCreate, StaffPatch, StaffRoleSet } from '@ezo/contract/staff';
import { apiRequest } from './client.ts';

const { staff } = strictContract;
export const staffCreateSchema = staff.staffCreate;
export const staffPatchSchema = staff.staffPatch;

export const listStaff = (storeId: string | undefined) =>
  apiRequest('GET', '/admin/staff', { schema: staff.staffList, query: storeId === undefined ? {} : { store_id: storeId } });

export const createStaff = (body: StaffCreate) => apiRequest('POST', '/admin/staff', { schema: staff.staffRecord, body });

export const updateStaff = (staffId: string, body: StaffPatch) =>
  apiRequest('PATCH', `/admin/staff/${encodeURIComponent(staffId)}`, { schema: staff.staffRecord, body });

export const staffRoleParamsSchema = staff.staffRoleParams;
export const staffRoleSetSchema = staff.staffRoleSet;

const roleUrl = (staffId: string, storeId: string) => `/admin/staff/${encodeURIComponent(staffId)}/roles/${encodeURIComponent(storeId)}`;

/** Gives the member a role in one store, or changes the one held there. */
export const setStaffRole = (staffId: string, storeId: string, body: StaffRoleSet) => apiRequest('PUT', roleUrl(staffId, storeId), { schema: staff.staffRecord, body });

/** Ends the member's role in one store. */
export const removeStaffRole = (staffId: string, storeId: string) => apiRequest('DELETE', roleUrl(staffId, storeId), { schema: staff.staffRecord });

/** Every role with its permissions (to offer only the roles the signed-in person may give). */
export const listRoles = () => apiRequest('GET', '/admin/roles', { schema: staff.rolesList });
