// Turns zod issues into one sentence that names the bad fields, for lastError and last_error.
import type { z } from 'zod';

/** Issues named in one message; the rest are counted. */
const MAX_ISSUES_NAMED = 3;

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const named = issues.slice(0, MAX_ISSUES_NAMED).map((i) => `${formatPath(i.path)}: ${i.message}`);
  const more = issues.length - named.length;
  return named.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}
