// The payment step: cash with tendered amount, quick tenders and change; card (recorded, no
// terminal); any mix until nothing remains. "Complete sale" records sale, lines, payments and the
// queue row in one worker transaction; if it fails, nothing was saved and the dialog stays open.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PaymentInput, SaleDetail, SaleDraft } from '../api/till-api.ts';
import { saleLines, type Cart } from '../domain/cart.ts';
import { Modal } from './modal.tsx';
import { MoneyField } from './money-field.tsx';
import { addCard, addCash, changeDue, paidSoFar, quickTenders, remainingDue, removePayment, type PaymentResult } from './payment-plan.ts';
import { errorText } from './error-text.ts';
import { useI18n } from './i18n/i18n-context.tsx';
import { useTill } from './till-context.ts';
import { QuotaNotice, isQuotaError } from './pwa/quota-notice.tsx';
import { afterSaleRecorded } from './pwa/after-sale.ts';
import { salePermissions } from '../domain/sale-permissions.ts';

export interface PaymentDialogProps {
  cart: Cart;
  total: number;
  onClose: () => void;
  onCompleted: (detail: SaleDetail, change: number) => void;
}

export function PaymentDialog(props: PaymentDialogProps) {
  const { api, money, reportError, requirePermission, terminal } = useTill();
  const { t, language } = useI18n();
  const { total } = props;
  const [payments, setPayments] = useState<PaymentInput[]>([]);
  const due = remainingDue(total, payments);
  const [cashText, setCashText] = useState(money.plain(due));
  const [cash, setCash] = useState<number | null>(due);
  const [cardText, setCardText] = useState(money.plain(due));
  const [card, setCard] = useState<number | null>(due);
  const [error, setError] = useState<string | null>(null);
  const [quotaFull, setQuotaFull] = useState(false);
  const [busy, setBusy] = useState(false);
  const completeRef = useRef<HTMLButtonElement>(null);

  // Fields start at what remains after each payment; once paid in full, focus goes to Complete.
  useEffect(() => {
    setCashText(money.plain(Math.max(due, 0)));
    setCash(Math.max(due, 0));
    setCardText(money.plain(Math.max(due, 0)));
    setCard(Math.max(due, 0));
    if (due <= 0) completeRef.current?.focus();
  }, [due]);

  const apply = (r: PaymentResult) => {
    if (r.ok) {
      setPayments(r.payments);
      setError(null);
    } else {
      setError(t(`payment.refusal.${r.refusal}`));
    }
  };
  const takeCash = (amount: number | null) => {
    if (amount === null) setError(t('payment.enterCash'));
    else apply(addCash(total, payments, amount));
  };
  const takeCard = () => {
    if (card === null) setError(t('payment.enterCard'));
    else apply(addCard(total, payments, card));
  };

  const complete = async () => {
    if (due !== 0 || busy) return;
    const draft: SaleDraft = {
      lines: saleLines(props.cart),
      payments,
      customerUuid: props.cart.customer?.uuid ?? null,
      note: props.cart.note.trim() === '' ? null : props.cart.note.trim(),
    };
    // A line discount above the store's limit, a price changed at the counter: a manager approves
    // what the cashier may not do, both with one PIN (the worker asks for the same).
    const needed = salePermissions(draft.lines, terminal.discount_limit_percent);
    if (needed.length > 0 && !(await requirePermission(needed))) return;
    setBusy(true);
    setError(null);
    try {
      const detail = await api.recordSale(draft);
      props.onCompleted(detail, changeDue(payments));
      // Storage persistence and a Background Sync wake-up; never rejects, the sale is already stored.
      void afterSaleRecorded(api).catch((e: unknown) => reportError(e, 'wakeUp'));
    } catch (e) {
      // Nothing was saved: the cart and the payments stay, so the sale can be completed again.
      setQuotaFull(isQuotaError(e));
      setError(errorText(t, language, e, 'recordSale'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('payment.title')} onClose={props.onClose} class="modal-wide">
      <dl class="pay-summary">
        <div>
          <dt>{t('payment.total')}</dt>
          <dd>{money.format(total)}</dd>
        </div>
        <div>
          <dt>{t('payment.paid')}</dt>
          <dd>{money.format(paidSoFar(payments))}</dd>
        </div>
        <div class="pay-remaining">
          <dt>{t('payment.remaining')}</dt>
          <dd data-testid="remaining">{money.format(due)}</dd>
        </div>
        <div class="pay-change">
          <dt>{t('payment.changeDue')}</dt>
          <dd data-testid="change">{money.format(changeDue(payments))}</dd>
        </div>
      </dl>
      {due > 0 && (
        <div class="pay-methods">
          <fieldset class="pay-method">
            <legend>{t('payment.cash')}</legend>
            <MoneyField
              label={t('payment.cashTendered')}
              text={cashText}
              autoFocus
              onText={(t, v) => {
                setCashText(t);
                setCash(v);
              }}
              onEnter={() => takeCash(cash)}
            />
            <div class="quick-tenders" role="group" aria-label={t('payment.quickAmounts')}>
              <button type="button" onClick={() => takeCash(due)}>
                {t('payment.exact', { amount: money.format(due) })}
              </button>
              {quickTenders(due, money.fractionDigits).map((t) => (
                <button key={t} type="button" onClick={() => takeCash(t)}>
                  {money.format(t)}
                </button>
              ))}
            </div>
            <button type="button" class="primary" onClick={() => takeCash(cash)}>
              {t('payment.takeCash')}
            </button>
          </fieldset>
          <fieldset class="pay-method">
            <legend>{t('payment.card')}</legend>
            <MoneyField
              label={t('payment.cardAmount')}
              text={cardText}
              onText={(t, v) => {
                setCardText(t);
                setCard(v);
              }}
              onEnter={takeCard}
            />
            <button type="button" class="primary" onClick={takeCard}>
              {t('payment.cardPayment')}
            </button>
          </fieldset>
        </div>
      )}
      {payments.length > 0 && (
        <ul class="payment-list" aria-label={t('payment.taken')}>
          {payments.map((p, i) => (
            <li key={i}>
              <span>
                {t(`common.method.${p.method}`)} {money.format(p.amount)}
                {p.tendered !== null && p.tendered !== p.amount && ` ${t('payment.tendered', { amount: money.format(p.tendered) })}`}
              </span>
              <button type="button" class="link-button" disabled={busy} aria-label={t('payment.removePayment', { number: i + 1 })} onClick={() => setPayments(removePayment(payments, i))}>
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {quotaFull && <QuotaNotice api={api} />}
      <p role="alert" class="form-error">
        {error}
      </p>
      <div class="actions">
        <button type="button" onClick={props.onClose} disabled={busy}>
          {t('payment.backToSale')}
        </button>
        <button ref={completeRef} type="button" class="primary big" disabled={due !== 0 || busy} onClick={complete}>
          {busy ? t('common.saving') : t('payment.complete')}
        </button>
      </div>
    </Modal>
  );
}
