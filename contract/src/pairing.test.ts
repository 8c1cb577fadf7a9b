// Pairing codes as people type them, and the protocol window.
import { describe, expect, it } from 'vitest';
import { formatPairingCode, normalizePairingCode, PAIRING_CODE_ALPHABET } from './pairing.ts';
import { isSupportedProtocol, MIN_SUPPORTED_PROTOCOL_VERSION, PROTOCOL_VERSION } from './protocol-version.ts';
import { strictContract } from './contract.ts';

describe('pairing codes', () => {
  it('take either case, with or without the dash, and store upper case without it', () => {
    expect(normalizePairingCode('ABCD-EFGH')).toBe('ABCDEFGH');
    expect(normalizePairingCode('abcdefgh')).toBe('ABCDEFGH');
    expect(normalizePairingCode(' k7m2-x9pq ')).toBe('K7M2X9PQ');
    expect(formatPairingCode('K7M2X9PQ')).toBe('K7M2-X9PQ');
  });

  it('refuse look-alikes, wrong lengths and stray characters', () => {
    for (const bad of ['ABCD-EFG0', 'ABCD-EFG1', 'ABCD-EFGI', 'abcd-efgo', 'ABCDEFG', 'ABCDEFGHJ', 'AB-CDEFGH', 'ABCD--EFGH', 'ABCD EFGH', '']) {
      expect(normalizePairingCode(bad), bad).toBeNull();
      expect(strictContract.pairing.redeem.safeParse({ code: bad, app_version: '1.0.0' }).success, bad).toBe(false);
    }
  });

  it('has 32 characters without 0, O, 1 or I', () => {
    expect(new Set(PAIRING_CODE_ALPHABET).size).toBe(32);
    expect(PAIRING_CODE_ALPHABET).not.toMatch(/[01IO]/);
    for (const c of PAIRING_CODE_ALPHABET) expect(normalizePairingCode(`${c}${c}${c}${c}${c}${c}${c}${c}`)).toBe(c.repeat(8));
  });
});

describe('protocol window', () => {
  it('speaks the minimum to the current version and nothing else', () => {
    expect(MIN_SUPPORTED_PROTOCOL_VERSION).toBeLessThanOrEqual(PROTOCOL_VERSION);
    expect(isSupportedProtocol(PROTOCOL_VERSION)).toBe(true);
    expect(isSupportedProtocol(MIN_SUPPORTED_PROTOCOL_VERSION)).toBe(true);
    expect(isSupportedProtocol(MIN_SUPPORTED_PROTOCOL_VERSION - 1)).toBe(false);
    expect(isSupportedProtocol(PROTOCOL_VERSION + 1)).toBe(false);
    expect(isSupportedProtocol(1.5)).toBe(false);
  });
});
