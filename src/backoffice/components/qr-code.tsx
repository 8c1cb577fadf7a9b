// A QR code of a text (the pairing URL), drawn as SVG from the module matrix `uqr` encodes: one path,
// crisp at any size, no canvas and no HTML injection. Medium error correction: a phone camera reads it
// off a screen at arm's length.
import { useMemo } from 'preact/hooks';
import { encode } from 'uqr';

/** Light modules around the code, as the QR specification asks (4 modules). */
const QUIET_ZONE = 4;

export function QrCode({ text, label, size = 192 }: { text: string; label: string; size?: number }) {
  const { path, extent } = useMemo(() => {
    const qr = encode(text, { ecc: 'M', border: 0 });
    const parts: string[] = [];
    qr.data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) parts.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`);
      }),
    );
    return { path: parts.join(''), extent: qr.size + 2 * QUIET_ZONE };
  }, [text]);
  return (
    <svg class="bo-qr" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${extent} ${extent}`} shape-rendering="crispEdges">
      <rect width={extent} height={extent} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
