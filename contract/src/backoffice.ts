// The back office's own messages (issue 19): sign-in, the signed-in person. The back office is served by
// the hub it talks to, so both are always the same version: these schemas are outside the till protocol
// (not in contract.ts, not hashed by protocol-version.test.ts) and parsed strictly on both sides.
import { z } from 'zod';
import { objectBuilder, oncePerBuilder } from './strictness.ts';
import { Name, Uuid } from './primitives.ts';
import { MAX_PASSWORD_LENGTH } from './limits.ts';
import { Email, Permission, Role } from './staff.ts';

/** The session cookie: HttpOnly, SameSite=Strict, Path=/api/v1/ (the API is the only reader). */
export const SESSION_COOKIE = 'ezo_session';

export const backOfficeSchemas = oncePerBuilder((object) => {
  const signIn = object(
    {
      // Any length up to the maximum: a password set under an older minimum must still sign in.
      email: Email,
      password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
    },
    { id: 'BackOfficeSignIn', description: 'E-mail and password of an owner or manager.' },
  );
  const storeAccess = object(
    {
      store_id: Uuid,
      store_name: Name,
      role: Role,
      permissions: z.array(Permission).describe("The role's permissions in this store."),
    },
    { id: 'BackOfficeStoreAccess', description: 'A store the signed-in person has a role in.' },
  );
  const session = object(
    {
      staff_id: Uuid,
      display_name: Name,
      email: Email,
      owner: z.boolean().describe('An owner in any store: sees and changes every store.'),
      stores: z.array(storeAccess).describe('By store name; an owner gets every store.'),
      idle_expires_at: z.iso.datetime().describe('Without a request before then, the session ends.'),
      expires_at: z.iso.datetime().describe('The session ends then whatever happens (absolute expiry).'),
    },
    { id: 'BackOfficeSession', description: 'Who is signed in to the back office, with their stores and permissions.' },
  );
  return { signIn, storeAccess, session };
});

/** Strict on both sides: the back office and its hub are one deploy. */
export const backOffice = backOfficeSchemas(objectBuilder('strict'));
export type BackOfficeSignIn = z.infer<typeof backOffice.signIn>;
export type BackOfficeStoreAccess = z.infer<typeof backOffice.storeAccess>;
export type BackOfficeSession = z.infer<typeof backOffice.session>;
