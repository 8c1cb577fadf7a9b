// Recognises a barcode scanner used as a keyboard: it "types" the code far faster than a person
// and ends with Enter. A busy main thread can delay one key of a scan, so the test is on the whole
// burst: no gap above SCANNER_MAX_GAP_MS and a mean gap below SCANNER_MEAN_GAP_MS. A person typing
// the same keys is much slower on average, so their Enter keeps its ordinary meaning.

/** Longest single gap inside a scan (tolerates one key delayed by rendering). */
export const SCANNER_MAX_GAP_MS = 100;
/** Mean gap of a scan: scanners send a key every few ms (more on a busy page); fast typists average 60-80 ms. */
export const SCANNER_MEAN_GAP_MS = 45;
/** Shortest code taken as a scan (EAN-8, UPC-E and most internal codes are longer). */
export const SCANNER_MIN_LENGTH = 4;
/** Longest code kept; longer bursts are not barcodes. */
export const SCANNER_MAX_LENGTH = 64;
/** Keys a scanner may press around characters (Shift for capitals) that neither extend nor break a burst. */
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

export class BarcodeBurst {
  private keys: { ch: string; at: number }[] = [];

  /**
   * Feeds one keydown (its `key` and its time in ms). Returns the scanned code when this key is the
   * Enter that ends a burst, otherwise null.
   */
  feed(key: string, at: number): string | null {
    if (MODIFIER_KEYS.has(key)) return null;
    if (key === 'Enter') {
      const code = this.burstEndingAt(at);
      this.keys = [];
      return code;
    }
    if (key.length !== 1) {
      this.keys = [];
      return null;
    }
    this.keys.push({ ch: key, at });
    if (this.keys.length > SCANNER_MAX_LENGTH) this.keys.shift();
    return null;
  }

  /** The longest run of keys before an Enter at `at` with every gap small enough, if fast enough on average. */
  private burstEndingAt(at: number): string | null {
    let start = this.keys.length;
    let next = at;
    while (start > 0) {
      const key = this.keys[start - 1];
      if (key === undefined || next - key.at > SCANNER_MAX_GAP_MS) break;
      next = key.at;
      start -= 1;
    }
    const run = this.keys.slice(start);
    const first = run[0];
    if (first === undefined || run.length < SCANNER_MIN_LENGTH) return null;
    const meanGap = (at - first.at) / run.length;
    return meanGap <= SCANNER_MEAN_GAP_MS ? run.map((k) => k.ch).join('') : null;
  }
}
