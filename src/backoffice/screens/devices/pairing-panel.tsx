// "Pair a device": a one-time code for a terminal, shown three ways: the code to type on the till's
// setup screen, the URL with the code in it, and a QR code of that URL for a tablet's camera. The code
// is valid until expires_at (15 minutes) and pairs one device; pairing retires the terminal's current one.
import { formatPairingCode } from '@ezo/contract/pairing';
import type { PairingCodeCreated } from '@ezo/contract/pairing';
import { QrCode } from '../../components/qr-code.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

export function PairingPanel({ terminalName, pairing, onClose }: { terminalName: string; pairing: PairingCodeCreated; onClose: () => void }) {
  const { t } = useI18n();
  const code = formatPairingCode(pairing.code.replace('-', '').toUpperCase());
  return (
    <section class="bo-panel bo-pairing" aria-labelledby="pairing-title">
      <h2 id="pairing-title">{t('devices.pairTitle', { terminal: terminalName })}</h2>
      <div class="bo-pairing-body">
        <QrCode text={pairing.url} label={t('devices.qrLabel')} />
        <div>
          <p>{t('devices.pairExplain')}</p>
          <p class="bo-pairing-code">
            <span>{t('devices.code')}</span> <output data-testid="pairing-code">{code}</output>
          </p>
          <p>
            <span>{t('devices.url')}</span>{' '}
            <a href={pairing.url} data-testid="pairing-url" target="_blank" rel="noopener noreferrer">
              {pairing.url}
            </a>
          </p>
          <p>{t('devices.expires', { time: new Date(pairing.expires_at).toLocaleTimeString() })}</p>
          <button type="button" onClick={onClose}>
            {t('devices.done')}
          </button>
        </div>
      </div>
    </section>
  );
}
