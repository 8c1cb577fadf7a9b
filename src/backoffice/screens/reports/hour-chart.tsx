// Net sales per hour as a plain SVG bar chart: an image with a title for screen readers (the table
// beside it carries the figures), one bar per hour scaled to the busiest hour; negative hours (refunds
// only) draw no bar.
import type { PeriodReport } from '@ezo/contract/reports';

const WIDTH = 480;
const HEIGHT = 160;
const AXIS = 16;
const HOURS = 24;

export function HourChart({ hours, title }: { hours: PeriodReport['hours']; title: string }) {
  const max = Math.max(1, ...hours.map((h) => h.net_sales));
  const slot = WIDTH / HOURS;
  return (
    <svg class="bo-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} role="img" aria-label={title}>
      <title>{title}</title>
      {hours.map((h) => {
        const height = h.net_sales > 0 ? (h.net_sales / max) * HEIGHT : 0;
        return (
          <g key={h.hour}>
            <rect x={h.hour * slot + 2} y={HEIGHT - height} width={slot - 4} height={height} fill="currentColor" />
            {h.hour % 3 === 0 && (
              <text x={h.hour * slot + slot / 2} y={HEIGHT + AXIS - 3} text-anchor="middle" font-size="11" fill="currentColor">
                {h.hour}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
