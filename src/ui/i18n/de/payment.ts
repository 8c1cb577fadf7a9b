import type { payment as en } from '../en/payment.ts';
import type { Messages } from '../messages.ts';

export const payment: Messages<typeof en> = {
  title: 'Bezahlung',
  total: 'Summe',
  paid: 'Bezahlt',
  remaining: 'Offen',
  changeDue: 'Rückgeld',
  cash: 'Bar',
  cashTendered: 'Gegeben',
  quickAmounts: 'Schnellbeträge bar',
  exact: 'Passend {{amount}}',
  takeCash: 'Bar kassieren',
  card: 'Karte',
  cardAmount: 'Kartenbetrag',
  cardPayment: 'Kartenzahlung',
  taken: 'Erfasste Zahlungen',
  tendered: '(gegeben {{amount}})',
  removePayment: 'Zahlung {{number}} entfernen',
  backToSale: 'Zurück zum Verkauf',
  complete: 'Verkauf abschließen',
  enterCash: 'Geben Sie den erhaltenen Barbetrag ein.',
  enterCard: 'Geben Sie den Kartenbetrag ein.',
  amountHint: 'Geben Sie einen Betrag wie {{example}} ein',
  refusal: {
    nothing_due: 'Es ist nichts mehr offen.',
    zero_amount: 'Geben Sie einen Betrag über null ein.',
    card_over_remaining: 'Eine Kartenzahlung kann nicht höher sein als der offene Betrag.',
    too_many_payments: 'Dieser Verkauf hat so viele Zahlungen wie möglich.',
    too_large: 'Dieser Betrag ist zu hoch.',
  },
};
