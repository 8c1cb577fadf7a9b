// A plain SVG bar chart for the reports (sales per hour, sales per day): an image with a title for
// screen readers, because the table beside it carries the same figures; one bar per entry, scaled to
// the largest. Entries at or below zero (a day of refunds only) draw no bar.

const WIDTH = 480;
const HEIGHT = 160;
/** Room under the bars for the tick labels. */
const AXIS = 16;
/** Space between two bars, as a share of one slot (at most 2 px each side). */
const GAP_SHARE = 0.15;
const MAX_GAP_PX = 2;

export interface Bar {
  key: string;
  /** Minor units (or any integer figure); only positive values draw. */
  value: number;
  /** The label under the bar; null: none (so that labels do not collide). */
  tick: string | null;
}

export function BarChart({ bars, title }: { bars: readonly Bar[]; title: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = WIDTH / Math.max(1, bars.length);
  const gap = Math.min(MAX_GAP_PX, slot * GAP_SHARE);
  return (
    <svg class="bo-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} role="img" aria-label={title}>
      <title>{title}</title>
      {bars.map((b, i) => {
        const height = b.value > 0 ? (b.value / max) * HEIGHT : 0;
        return (
          <g key={b.key}>
            <rect x={i * slot + gap} y={HEIGHT - height} width={Math.max(0.5, slot - 2 * gap)} height={height} fill="currentColor" />
            {b.tick !== null && (
              <text x={i * slot + slot / 2} y={HEIGHT + AXIS - 3} text-anchor="middle" font-size="11" fill="currentColor">
                {b.tick}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** Labels under every `every`-th bar only: at most `maxTicks` labels along the axis. */
export function tickEvery(count: number, maxTicks: number): number {
  return Math.max(1, Math.ceil(count / maxTicks));
}
