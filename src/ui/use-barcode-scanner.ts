// Listens for a keyboard-wedge barcode scanner anywhere on the page (see barcode-burst.ts). The
// scanner's Enter is swallowed, and the code it typed into a text field (if focus was in one) is
// taken back out, so a scan never leaves digits in the search box or a cash field.
import { useEffect, useRef } from 'preact/hooks';
import { BarcodeBurst } from './barcode-burst.ts';

export function useBarcodeScanner(enabled: boolean, onScan: (code: string) => void): void {
  const handler = useRef(onScan);
  handler.current = onScan;
  useEffect(() => {
    if (!enabled) return undefined;
    const burst = new BarcodeBurst();
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      const code = burst.feed(e.key, e.timeStamp);
      if (code === null) return;
      e.preventDefault();
      e.stopPropagation();
      removeTyped(e.target, code);
      handler.current(code);
    };
    // Capture phase: the scan is recognised before the focused field handles its Enter.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}

function removeTyped(target: EventTarget | null, code: string): void {
  if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
  if (!target.value.endsWith(code)) return;
  target.value = target.value.slice(0, target.value.length - code.length);
  // Tell the controlled component its text changed.
  target.dispatchEvent(new Event('input', { bubbles: true }));
}
