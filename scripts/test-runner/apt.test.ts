import { describe, expect, it } from 'vitest';
import { aptCommands, APT_ENV } from './apt.ts';

describe('aptCommands', () => {
  it('updates once, then installs everything missing in one go, without questions', () => {
    expect(aptCommands(['chromium', 'postgresql'])).toEqual([
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '-qq', 'chromium', 'postgresql'],
    ]);
    expect(APT_ENV).toEqual({ DEBIAN_FRONTEND: 'noninteractive' });
  });
});
