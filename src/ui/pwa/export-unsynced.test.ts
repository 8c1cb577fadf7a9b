// The export file's name and item count, checked on a batch that passes the shared contract.
import { describe, expect, it } from 'vitest';
import { strictContract } from '../../sync/contract/contract';
import { exportFileName, exportItemCount } from './export-unsynced';

describe('export file', () => {
  it('is named by the batch time without characters file systems refuse', () => {
    const batch = strictContract.upstream.batch.parse({
      sync_id: 'export-1',
      timestamp: '2026-11-25T15:04:05.123Z',
      changes: {},
    });
    expect(exportFileName(batch)).toBe('ezo-unsynced-2026-11-25T15-04-05Z.json');
    expect(exportItemCount(batch)).toBe(0);
    expect(exportItemCount({ sync_id: 'x', timestamp: batch.timestamp, changes: {} })).toBe(0);
  });
});
