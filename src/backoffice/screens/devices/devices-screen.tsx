// Devices: a store's terminals with the device paired to each (last seen, app version, protocol, what
// the till last reported as pending and failed), "Pair a device" (code, URL, QR code), revoking a device
// with a confirmation, every device the store had (retired and revoked too), and a new terminal (owners).
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AdminTerminal } from '@ezo/contract/admin-lists';
import type { Device } from '@ezo/contract/devices';
import type { PairingCodeCreated } from '@ezo/contract/pairing';
import type { ApiFailure } from '../../api/client.ts';
import { createPairingCode, listDevices, revokeDevice } from '../../api/devices.ts';
import { listTerminals } from '../../api/store-lists.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { failureText } from '../../components/failure-text.ts';
import { StorePicker, useStores } from '../../components/store-picker.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useSession } from '../../session-context.tsx';
import { PairingPanel } from './pairing-panel.tsx';
import { TerminalForm } from './terminal-form.tsx';

const when = (iso: string | null) => (iso === null ? '—' : new Date(iso).toLocaleString());

export default function DevicesScreen({ title }: { title: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  const stores = useStores('manage_devices');
  const [storeId, setStoreId] = useState(stores[0]?.id ?? '');
  const [terminals, setTerminals] = useState<AdminTerminal[] | null>(null);
  const [devices, setDevices] = useState<Device[]>([]);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [pairing, setPairing] = useState<{ terminal: string; code: PairingCodeCreated } | null>(null);
  const [revoking, setRevoking] = useState<Device | null>(null);
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    if (storeId === '') return;
    const [t1, d1] = await Promise.all([listTerminals(storeId), listDevices(storeId)]);
    if (!t1.ok) return setFailure(t1.failure);
    if (!d1.ok) return setFailure(d1.failure);
    setFailure(null);
    setTerminals(t1.value.terminals);
    setDevices(d1.value.devices);
  }, [storeId]);
  useEffect(() => {
    setPairing(null);
    void load();
  }, [load]);

  const pair = async (terminal: AdminTerminal) => {
    setBusy(true);
    const result = await createPairingCode(terminal.id);
    setBusy(false);
    if (!result.ok) return setFailure(result.failure);
    setPairing({ terminal: terminal.name, code: result.value });
  };
  const revoke = async () => {
    if (revoking === null) return;
    setBusy(true);
    const result = await revokeDevice(revoking.id);
    setBusy(false);
    setRevoking(null);
    if (!result.ok) return setFailure(result.failure);
    setNotice(t('devices.revoked', { name: result.value.label ?? result.value.terminal_name }));
    await load();
  };

  if (stores.length === 0) {
    return (
      <section class="bo-screen">
        <h1>{title}</h1>
        <p>{t('devices.noStores')}</p>
      </section>
    );
  }
  return (
    <section class="bo-screen">
      <div class="bo-screen-head">
        <h1>{title}</h1>
        {session.owner && (
          <button type="button" onClick={() => setAdding(true)}>
            {t('devices.newTerminal')}
          </button>
        )}
      </div>
      <StorePicker label={t('devices.store')} value={storeId} onValue={setStoreId} permission="manage_devices" />
      <p role="status" class="bo-notice">
        {notice}
      </p>
      {failure !== null && (
        <p class="bo-error" role="alert">
          {failureText(t, failure)}
        </p>
      )}
      {adding && (
        <TerminalForm
          storeId={storeId}
          onSaved={(name) => {
            setAdding(false);
            setNotice(t('devices.terminalCreated', { name }));
            void load();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {pairing !== null && <PairingPanel terminalName={pairing.terminal} pairing={pairing.code} onClose={() => (setPairing(null), void load())} />}
      <div class="bo-table-wrap">
        <table class="bo-table">
          <caption>{t('devices.terminals')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('devices.terminalName')}</th>
              <th scope="col">{t('devices.device')}</th>
              <th scope="col">{t('devices.lastSeen')}</th>
              <th scope="col">{t('devices.appVersion')}</th>
              <th scope="col">{t('devices.protocol')}</th>
              <th scope="col" class="num">
                {t('devices.pending')}
              </th>
              <th scope="col" class="num">
                {t('devices.failed')}
              </th>
              <th scope="col">{t('devices.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {terminals?.map((terminal) => {
              const d = terminal.active_device;
              return (
                <tr key={terminal.id}>
                  <th scope="row">
                    {terminal.name} <small>({terminal.receipt_prefix})</small>
                  </th>
                  <td>{d === null ? t('devices.notPaired') : (d.label ?? d.receipt_prefix)}</td>
                  <td>{when(d?.last_seen_at ?? null)}</td>
                  <td>{d?.app_version ?? '—'}</td>
                  <td>{d?.protocol_version ?? '—'}</td>
                  <td class={`num${(d?.pending ?? 0) > 0 ? ' bo-warn' : ''}`}>{d?.pending ?? '—'}</td>
                  <td class={`num${(d?.failed ?? 0) > 0 ? ' bo-warn' : ''}`}>{d?.failed ?? '—'}</td>
                  <td class="bo-row-actions">
                    <button type="button" disabled={busy} onClick={() => void pair(terminal)} aria-label={t('devices.pairOne', { terminal: terminal.name })}>
                      {t('devices.pair')}
                    </button>
                    {d !== null && (
                      <button type="button" class="danger" disabled={busy} onClick={() => setRevoking(d)} aria-label={t('devices.revokeOne', { terminal: terminal.name })}>
                        {t('devices.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
            {terminals !== null && terminals.length === 0 && (
              <tr>
                <td colSpan={8}>{t('devices.noTerminals')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div class="bo-table-wrap">
        <table class="bo-table">
          <caption>{t('devices.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('devices.device')}</th>
              <th scope="col">{t('devices.terminalName')}</th>
              <th scope="col">{t('devices.status')}</th>
              <th scope="col">{t('devices.pairedAt')}</th>
              <th scope="col">{t('devices.endedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.id}>
                <td>{d.label ?? d.receipt_prefix}</td>
                <td>{d.terminal_name}</td>
                <td>{t(`devices.statuses.${d.status}`)}</td>
                <td>{when(d.paired_at)}</td>
                <td>{when(d.ended_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog open={revoking !== null} title={t('devices.revokeTitle')} confirmLabel={t('devices.revokeConfirm')} onConfirm={() => void revoke()} onCancel={() => setRevoking(null)} busy={busy}>
        <p>{t('devices.revokeText', { name: revoking?.label ?? revoking?.terminal_name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
