// Listens for a keyboard-wedge barcode scanner anywhere on the page (see barcode-burst.ts). The
// scanner's Enter is swallowed, and the characters it typed into a text field (if focus was in one)
// are taken back out, so a scan never leaves digits in the search box or a cash field. Focus may
// move in the middle of a scan (the previous scan's answer focuses a field): only the characters that
// went into the field are taken out, not the whole code.
import { useEffect, useRef } from 'preact/hooks';
import { BarcodeBurst, SCANNER_MAX_LENGTH } from './barcode-burst.ts';

interface TypedKey {
  ch: string;
  target: EventTarget | null;
}

export function useBarcodeScanner(enabled: boolean, onScan: (code: string) => void): void {
  const handler = useRef(onScan);
  handler.current = onScan;
  useEffect(() => {
    if (!enabled) return undefined;
    const burst = new BarcodeBurst();
    /** The last keys typed and where they went, to take a scan's characters back out of a field. */
    let recent: TypedKey[] = [];
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      const code = burst.feed(e.key, e.timeStamp);
      if (code === null) {
        if (e.key.length === 1) recent = [...recent.slice(-(SCANNER_MAX_LENGTH - 1)), { ch: e.key, target: e.target }];
        else if (e.key === 'Enter') recent = [];
        return;
      }
      e.preventDefault();
      e.stopPropagation();
      const typed = recent.slice(-code.length);
      recent = [];
      removeTyped(e.target, typed.filter((k) => k.target === e.target).map((k) => k.ch).join(''));
      handler.current(code);
    };
    // Capture phase: the scan is recognised before the focused field handles its Enter.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}

function removeTyped(target: EventTarget | null, typed: string): void {
  if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
  if (typed === '' || !target.value.endsWith(typed)) return;
  target.value = target.value.slice(0, target.value.length - typed.length);
  // Tell the controlled component its text changed.
  target.dispatchEvent(new Event('input', { bubbles: true }));
}
