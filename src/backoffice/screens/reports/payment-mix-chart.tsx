// The payment mix as a chart: one horizontal bar per method, its length the method's share of what
// was paid in the period, with the share and the amount written beside it. An image with a title for
// screen readers (the payments table carries the figures). A method whose refunds outweigh its sales
// (a negative amount) has no share and draws no bar.
import type { PeriodReport } from '@ezo/contract/reports';

const WIDTH = 480;
const ROW = 30;
const BAR = 18;
/** The method's name left of the bars; the share and amount right of them. */
const LABEL_WIDTH = 80;
const VALUE_WIDTH = 150;

export interface PaymentMixProps {
  payments: PeriodReport['payments'];
  title: string;
  methodName: (method: PeriodReport['payments'][number]['method']) => string;
  money: (minor: number) => string;
  locale: string;
}

/** Each method's share of the positive amounts, 0..1, for display only (money stays integer elsewhere). */
export function paymentShares(payments: PeriodReport['payments']): number[] {
  const paid = payments.reduce((sum, p) => sum + Math.max(0, p.amount), 0);
  return payments.map((p) => (paid === 0 ? 0 : Math.max(0, p.amount) / paid));
}

export function PaymentMixChart({ payments, title, methodName, money, locale }: PaymentMixProps) {
  const shares = paymentShares(payments);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = Math.max(1, payments.length) * ROW;
  return (
    <svg class="bo-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
      <title>{title}</title>
      {payments.map((p, i) => {
        const share = shares[i] ?? 0;
        const y = i * ROW + (ROW - BAR) / 2;
        const width = share * barSpace;
        return (
          <g key={p.method}>
            <text x={0} y={y + BAR - 4} font-size="13" fill="currentColor" class="bo-chart-label">
              {methodName(p.method)}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={width} height={BAR} fill="currentColor" />
            <text x={LABEL_WIDTH + width + 6} y={y + BAR - 4} font-size="13" fill="currentColor" class="bo-chart-label">
              {`${percent.format(share)} · ${money(p.amount)}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
