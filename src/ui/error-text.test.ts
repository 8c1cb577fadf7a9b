// Errors crossing Comlink arrive as plain objects; the text must still come from their code.
import { describe, expect, it } from 'vitest';
import { TillError } from '../api/till-error.ts';
import { errorText } from './error-text.ts';

describe('errorText', () => {
  it('explains a TillError by its code, also as a plain cloned object', () => {
    const err = new TillError('quota_exceeded', 'QuotaExceededError');
    expect(errorText(err, 'record the sale')).toBe(
      'Could not record the sale: The device storage is full; nothing was saved. Free space or sync, then try again. (QuotaExceededError)',
    );
    const cloned = { name: 'TillError', code: 'invalid', message: 'over-refund' };
    expect(errorText(cloned, 'record the refund')).toContain('refused this input. (over-refund)');
  });

  it('keeps the message of any other error', () => {
    expect(errorText(new TypeError('boom'), 'search')).toBe('Could not search: boom');
  });
});
