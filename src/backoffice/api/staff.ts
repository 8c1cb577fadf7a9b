// The Staff screen's calls: members (all, or of one store), create, change (roles, reset PIN or
// password, deactivate).
import { strictContract } from '@ezo/contract/contract';
import type { StaffCreate, StaffPatch } from '@ezo/contract/staff';
import { apiRequest } from './client.ts';

const { staff } = strictContract;
export const staffCreateSchema = staff.staffCreate;
export const staffPatchSchema = staff.staffPatch;

export const listStaff = (storeId: string | undefined) =>
  apiRequest('GET', '/admin/staff', { schema: staff.staffList, query: storeId === undefined ? {} : { store_id: storeId } });

export const createStaff = (body: StaffCreate) => apiRequest('POST', '/admin/staff', { schema: staff.staffRecord, body });

export const updateStaff = (staffId: string, body: StaffPatch) =>
  apiRequest('PATCH', `/admin/staff/${encodeURIComponent(staffId)}`, { schema: staff.staffRecord, body });
