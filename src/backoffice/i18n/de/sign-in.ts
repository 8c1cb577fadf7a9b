import type { Messages } from '../messages.ts';
import type { signIn as en } from '../en/sign-in.ts';

export const signIn: Messages<typeof en> = {
  title: 'Im Backoffice anmelden',
  email: 'E-Mail',
  password: 'Passwort',
  submit: 'Anmelden',
  submitting: 'Anmeldung läuft …',
  wrong: 'E-Mail oder Passwort ist falsch.',
  hint: 'Inhaber und Filialleitungen melden sich mit der E-Mail und dem Passwort an, die der Inhaber für sie festgelegt hat.',
};
