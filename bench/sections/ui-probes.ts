// Functions run inside the built till's page (page.evaluate) to time what staff see: they start
// from the event's own timeStamp (the keystroke, the click) and stop at the first animation frame
// after the DOM shows the result, so they include the app's debounce, the worker call and the render.
// The keystroke probe also stops a clock when the results are in the DOM with style and layout done
// (forced in the observer): the app's own work, without the wait for the display's next frame.

/** Selectors of the till's UI (src/ui/product-picker.tsx, cart-panel.tsx, payment-dialog.tsx, receipt.tsx). */
export const UI = {
  search: '#product-search',
  panel: '#product-panel',
  resultTile: '#product-panel[aria-label="Search results"] .product-tile',
  payButton: '.pay-button',
  quickTender: '[aria-label="Quick cash amounts"] button',
  receipt: 'article.receipt',
  /** The lock screen every start opens on: a name to tap is the first thing a cashier can use. */
  staffName: 'main.lock-screen button.staff-name',
  pinInput: 'main.lock-screen input.pin-input',
  pinSubmit: 'main.lock-screen form.pin-entry button[type="submit"]',
} as const;

/** How long a probe waits for the DOM to answer before it gives up on that sample. */
export const PROBE_TIMEOUT_MS = 1_000;

/** ms from the event: to the result laid out in the DOM (`ready`), and to the frame after it (`frame`). */
export interface ProbeTimes {
  ready: number;
  frame: number;
}
type Probe = { result?: ProbeTimes | 'timeout' };

/** Arms: the next keydown on the search box starts the clock; the next change of the results panel (then a frame) stops it. */
export function armKeystrokeProbe(args: { search: string; panel: string; timeoutMs: number }): void {
  const w = window as unknown as { __benchProbe?: Probe };
  const probe: Probe = {};
  w.__benchProbe = probe;
  const input = document.querySelector(args.search);
  const panel = document.querySelector(args.panel);
  if (input === null || panel === null) throw new Error('search box or results panel not found');
  let t0: number | null = null;
  input.addEventListener('keydown', (e) => (t0 = e.timeStamp), { once: true, capture: true });
  const observer = new MutationObserver(() => {
    if (t0 === null || panel.getAttribute('aria-label') !== 'Search results') return;
    observer.disconnect();
    const start = t0;
    panel.getBoundingClientRect(); // style and layout of the new results, now rather than in the frame
    const ready = performance.now() - start;
    requestAnimationFrame(() => setTimeout(() => (probe.result = { ready, frame: performance.now() - start }), 0));
  });
  observer.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
  setTimeout(() => {
    observer.disconnect();
    probe.result ??= 'timeout';
  }, args.timeoutMs);
}

/** Arms: the next click anywhere starts the clock; the receipt appearing (then a frame) stops it. */
export function armReceiptProbe(args: { receipt: string; timeoutMs: number }): void {
  const w = window as unknown as { __benchProbe?: Probe };
  const probe: Probe = {};
  w.__benchProbe = probe;
  let t0: number | null = null;
  document.addEventListener('click', (e) => (t0 = e.timeStamp), { once: true, capture: true });
  const observer = new MutationObserver(() => {
    if (t0 === null || document.querySelector(args.receipt) === null) return;
    observer.disconnect();
    const start = t0;
    const ready = performance.now() - start;
    requestAnimationFrame(() => setTimeout(() => (probe.result = { ready, frame: performance.now() - start }), 0));
  });
  observer.observe(document.body, { subtree: true, childList: true });
  setTimeout(() => {
    observer.disconnect();
    probe.result ??= 'timeout';
  }, args.timeoutMs);
}

/** The armed probe's result once it has one. */
export function probeResult(): ProbeTimes | 'timeout' | undefined {
  return (window as unknown as { __benchProbe?: Probe }).__benchProbe?.result;
}

/** ms from navigation start until the element (a staff name, the search box) is visible and enabled: the till is interactive. */
export function interactiveAt(selector: string): number | false {
  const el = document.querySelector<HTMLInputElement>(selector);
  return el !== null && !el.disabled && el.offsetParent !== null ? performance.now() : false;
}

/** Remembers the timeStamp of the next form submit (the PIN's "Sign in"), for `sinceSubmit`. */
export function armSubmitProbe(): void {
  const w = window as unknown as { __benchSubmitAt?: number };
  delete w.__benchSubmitAt;
  document.addEventListener('submit', (e) => (w.__benchSubmitAt = e.timeStamp), { capture: true, once: true });
}

/** ms from the armed submit to now, once the element is visible and enabled; false before. */
export function sinceSubmitUntilInteractive(selector: string): number | false {
  const at = (window as unknown as { __benchSubmitAt?: number }).__benchSubmitAt;
  const el = document.querySelector<HTMLInputElement>(selector);
  return at !== undefined && el !== null && !el.disabled && el.offsetParent !== null ? performance.now() - at : false;
}
