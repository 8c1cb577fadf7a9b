// Sign-in, who is signed in, sign-out (POST/GET/DELETE /api/v1/backoffice/session).
import { backOffice, type BackOfficeSession } from '@ezo/contract/backoffice';
import { apiRequest, type ApiResult } from './client.ts';

export function signIn(email: string, password: string): Promise<ApiResult<BackOfficeSession>> {
  return apiRequest('POST', '/backoffice/session', { body: { email, password }, schema: backOffice.session });
}

export function currentSession(): Promise<ApiResult<BackOfficeSession>> {
  return apiRequest('GET', '/backoffice/session', { schema: backOffice.session });
}

export function signOut(): Promise<ApiResult<null>> {
  return apiRequest('DELETE', '/backoffice/session');
}
