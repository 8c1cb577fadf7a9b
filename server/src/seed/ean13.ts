// EAN-13 barcodes with a valid check digit, so the demo catalog scans like a real one.

/** The check digit of a 12-digit EAN body: weights 1,3,1,3,... from the left. */
export function ean13CheckDigit(body: string): number {
  if (!/^\d{12}$/.test(body)) throw new RangeError(`EAN-13 body must be 12 digits, got ${body}`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function ean13(body: string): string {
  return `${body}${ean13CheckDigit(body)}`;
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}
