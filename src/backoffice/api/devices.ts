// The Devices screen's calls: a store's devices, a new terminal, a pairing code for a terminal, revoking.
import { strictContract } from '@ezo/contract/contract';
import type { TerminalCreate } from '@ezo/contract/admin';
import { apiRequest } from './client.ts';

const { devices, pairing, admin } = strictContract;
export const terminalCreateSchema = admin.terminalCreate;

export const listDevices = (storeId: string) => apiRequest('GET', '/admin/devices', { schema: devices.list, query: { store_id: storeId } });

export const createTerminal = (body: TerminalCreate) => apiRequest('POST', '/admin/terminals', { schema: admin.terminalCreated, body });

export const createPairingCode = (terminalId: string) =>
  apiRequest('POST', `/admin/terminals/${encodeURIComponent(terminalId)}/pairing-codes`, { schema: pairing.codeCreated });

export const revokeDevice = (deviceId: string) => apiRequest('POST', `/admin/devices/${encodeURIComponent(deviceId)}/revoke`, { schema: devices.device });
