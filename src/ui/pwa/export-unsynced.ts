// "Export unsynced sales": the till's unacknowledged sales and adjustments as a JSON file in the upstream batch
// format, so staff can carry them to the hub when this device's storage is at risk. Re-importing is safe: the hub
// applies each item once by uuid and answers `duplicate` for one it already has.
import type { Remote } from 'comlink';
import type { TillApi } from '../../api/till-api.ts';
import type { UpstreamBatch } from '@ezo/contract/upstream';
import { MAX_BODY_BYTES, MAX_UPSTREAM_ITEMS } from '@ezo/contract/limits';

export const EXPORT_MIME_TYPE = 'application/json';
/**
 * One file carries at most this much JSON: the hub refuses bodies over MAX_BODY_BYTES, and the files are
 * written indented; half the limit leaves room for multi-byte text counted in UTF-16 units here.
 */
const MAX_FILE_CHARS = Math.floor(MAX_BODY_BYTES / 2);

export interface ExportedFile {
  /** The first file's name; the others differ only in their part number. */
  fileName: string;
  /** How many files: each is one upstream batch the hub accepts (MAX_UPSTREAM_ITEMS, MAX_BODY_BYTES). */
  files: number;
  /** Sales, adjustments and product edits in all files. */
  items: number;
}

type Item = { kind: 'sales' | 'adjustments' | 'products'; value: unknown };

/**
 * Splits an export into batches the hub's upstream endpoint accepts as they are: at most
 * MAX_UPSTREAM_ITEMS items and MAX_FILE_CHARS of JSON each, items in their queue order. Sales go
 * before adjustments and edits in every batch, as in the till's own push. An empty export is one
 * empty batch (the file says there was nothing to carry).
 */
export function splitExport(batch: UpstreamBatch): UpstreamBatch[] {
  const c = batch.changes;
  const items: Item[] = [
    ...(c.sales ?? []).map((value): Item => ({ kind: 'sales', value })),
    ...(c.adjustments ?? []).map((value): Item => ({ kind: 'adjustments', value })),
    ...(c.products ?? []).map((value): Item => ({ kind: 'products', value })),
  ];
  const groups: Item[][] = [];
  let current: Item[] = [];
  let chars = 0;
  for (const item of items) {
    const size = JSON.stringify(item.value, null, 2).length;
    if (current.length > 0 && (current.length >= MAX_UPSTREAM_ITEMS || chars + size > MAX_FILE_CHARS)) {
      groups.push(current);
      current = [];
      chars = 0;
    }
    current.push(item);
    chars += size;
  }
  if (current.length > 0 || groups.length === 0) groups.push(current);
  return groups.map((group, i) => ({
    sync_id: groups.length === 1 ? batch.sync_id : `${batch.sync_id}-part-${i + 1}`,
    timestamp: batch.timestamp,
    changes: {
      sales: group.filter((g) => g.kind === 'sales').map((g) => g.value),
      adjustments: group.filter((g) => g.kind === 'adjustments').map((g) => g.value),
      products: group.filter((g) => g.kind === 'products').map((g) => g.value),
    },
  })) as UpstreamBatch[];
}

export function exportItemCount(batch: UpstreamBatch): number {
  const c = batch.changes;
  return (c.sales?.length ?? 0) + (c.adjustments?.length ?? 0) + (c.products?.length ?? 0);
}

/**
 * ezo-unsynced-2026-11-25T15-04-05Z.json (or ...-part-2-of-3.json when split): sortable, and safe on
 * every file system (no colons).
 */
export function exportFileName(batch: UpstreamBatch, part = 1, parts = 1): string {
  const stamp = batch.timestamp.replace(/\.\d+/, '').replace(/:/g, '-');
  return parts === 1 ? `ezo-unsynced-${stamp}.json` : `ezo-unsynced-${stamp}-part-${part}-of-${parts}.json`;
}

/** Builds the files from the worker's export and hands them to the browser's download; resolves with what they held. */
export async function downloadUnsynced(api: Pick<Remote<TillApi>, 'exportUnsynced'>): Promise<ExportedFile> {
  const exported = await api.exportUnsynced();
  const batches = splitExport(exported);
  batches.forEach((batch, i) => download(batch, exportFileName(exported, i + 1, batches.length)));
  return { fileName: exportFileName(exported, 1, batches.length), files: batches.length, items: exportItemCount(exported) };
}

function download(batch: UpstreamBatch, fileName: string): void {
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
}
