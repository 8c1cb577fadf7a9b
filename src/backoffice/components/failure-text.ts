// One sentence for a failed call, in the screen's language: the hub's code mapped to a message (its own
// English message is for logs and automation, not for people).
import type { ApiFailure } from '../api/client.ts';
import type { Translate } from '../i18n/translator.ts';

const KNOWN = ['bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'last_owner', 'payload_too_large', 'unavailable', 'network'] as const;
type Known = (typeof KNOWN)[number];
const isKnown = (code: string): code is Known => (KNOWN as readonly string[]).includes(code);

export function failureText(t: Translate, failure: ApiFailure): string {
  if (failure.code === 'rate_limited') return t('common.errors.rate_limited', { seconds: failure.retryAfterSeconds ?? 60 });
  if (isKnown(failure.code)) return t(`common.errors.${failure.code}`);
  return t('common.errors.unexpected', { code: failure.code });
}
