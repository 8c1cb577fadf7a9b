// A pairing link: the back office's pairing code URL (…/?pair=ABCD-EFGH), e.g. opened from a QR
// code with a tablet's camera. The code is read once at start and removed from the address at once
// (history.replaceState), so a reload, a bookmark or a shared screenshot does not carry it.
export const PAIR_PARAM = 'pair';

export function takePairingCodeFromUrl(): string | null {
  const url = new URL(location.href);
  const code = url.searchParams.get(PAIR_PARAM);
  if (code === null) return null;
  url.searchParams.delete(PAIR_PARAM);
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return code.trim() === '' ? null : code.trim();
}
