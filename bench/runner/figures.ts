// One reported figure: a value with its unit and the goal it is compared with (progress, never
// asserted), or the reason it is not measured yet. The table and latest.json are built from these.

export interface Goal {
  /** Shown next to the figure, e.g. "<= 1.5x floor". */
  text: string;
  met: boolean;
}

export interface Figure {
  /** Stable key in latest.json, e.g. "sale.app.p50". */
  id: string;
  /** The numbered item of the brief it belongs to (1..8), or 0 for a baseline. */
  item: number;
  label: string;
  value: number | null;
  unit: string;
  goal?: Goal;
  /** How it was measured, or why it was not. */
  note?: string;
}

export function measured(item: number, id: string, label: string, value: number, unit: string, extra: { goal?: Goal; note?: string } = {}): Figure {
  return { id, item, label, value, unit, ...extra };
}

export function notMeasured(item: number, id: string, label: string, why: string): Figure {
  return { id, item, label, value: null, unit: '', note: `not yet measured: ${why}` };
}

/** Goal "value <= limit" (or ">= limit" when atLeast). */
export function goal(value: number, limit: number, text: string, atLeast = false): Goal {
  return { text, met: atLeast ? value >= limit : value <= limit };
}

export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.slice(0, 300) ?? message;
}
