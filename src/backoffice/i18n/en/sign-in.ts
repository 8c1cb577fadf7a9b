// The sign-in screen.
export const signIn = {
  title: 'Sign in to the back office',
  email: 'E-mail',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  wrong: 'Wrong e-mail or password.',
  hint: 'Owners and managers sign in with the e-mail and password their owner set for them.',
} as const;
