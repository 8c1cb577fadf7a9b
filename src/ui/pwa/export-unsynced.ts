// "Export unsynced sales": the till's unacknowledged sales and adjustments as a JSON file in the upstream batch
// format, so staff can carry them to the hub when this device's storage is at risk. Re-importing is safe: the hub
// applies each item once by uuid and answers `duplicate` for one it already has.
import type { Remote } from 'comlink';
import type { TillApi } from '../../api/till-api';
import type { UpstreamBatch } from '../../sync/contract/upstream';

export const EXPORT_MIME_TYPE = 'application/json';

export interface ExportedFile {
  fileName: string;
  /** Sales, adjustments and product edits in the file. */
  items: number;
}

export function exportItemCount(batch: UpstreamBatch): number {
  const c = batch.changes;
  return (c.sales?.length ?? 0) + (c.adjustments?.length ?? 0) + (c.products?.length ?? 0);
}

/** ezo-unsynced-2026-11-25T15-04-05Z.json: sortable, and safe on every file system (no colons). */
export function exportFileName(batch: UpstreamBatch): string {
  const stamp = batch.timestamp.replace(/\.\d+/, '').replace(/:/g, '-');
  return `ezo-unsynced-${stamp}.json`;
}

/** Builds the file from the worker's export and hands it to the browser's download; resolves with what it held. */
export async function downloadUnsynced(api: Pick<Remote<TillApi>, 'exportUnsynced'>): Promise<ExportedFile> {
  const batch = await api.exportUnsynced();
  const fileName = exportFileName(batch);
  const blob = new Blob([JSON.stringify(batch, null, 2)], { type: EXPORT_MIME_TYPE });
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has started the download synchronously; the URL is no longer needed after this task.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return { fileName, items: exportItemCount(batch) };
}
