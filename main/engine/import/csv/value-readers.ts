/**
 * Readers for attribute values straight from field bytes. A value that does not read returns
 * NaN (numbers) or null (booleans).
 */

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
];

/**
 * A plain decimal number (`-12`, `3.5`, `.5`, `1e3`), or with `decimal` 44 one with a decimal
 * comma (`3,5`, no exponent). Up to 15 significant digits and no exponent, mantissa / 10^k is
 * one correctly rounded division, so it equals Number(text); anything longer goes through
 * Number for exactness.
 */
export function readNumber(b: Uint8Array, start: number, end: number, decimal = 46): number {
  while (start < end && b[start] === 32) start++;
  while (end > start && b[end - 1] === 32) end--;
  if (start === end) return NaN;
  let i = start;
  let negative = false;
  if (b[i] === 45 || b[i] === 43) {
    negative = b[i] === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  let sawDot = false;
  for (; i < end; i++) {
    const d = b[i] - 48;
    if (d >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      digits++;
      if (sawDot) fraction++;
    } else if (b[i] === decimal && !sawDot) sawDot = true;
    else break;
  }
  if (digits === 0) return NaN;
  if (i === end) {
    if (digits <= 15) {
      const v = fraction === 0 ? mantissa : mantissa / POW10[fraction];
      return negative ? -v : v;
    }
    return slowNumber(b, start, end, decimal);
  }
  if (decimal !== 46 || (b[i] !== 101 && b[i] !== 69)) return NaN;
  i++;
  if (i < end && (b[i] === 43 || b[i] === 45)) i++;
  const expStart = i;
  while (i < end && b[i] >= 48 && b[i] <= 57) i++;
  if (i === expStart || i !== end) return NaN;
  return slowNumber(b, start, end);
}

function slowNumber(b: Uint8Array, start: number, end: number, decimal = 46): number {
  const text = Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('latin1');
  return Number(decimal === 46 ? text : text.replace(',', '.'));
}

const BOOLEANS = new Map<string, boolean>([
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
]);

export function readBoolean(text: string): boolean | null {
  const v = BOOLEANS.get(text.trim().toLowerCase());
  return v === undefined ? null : v;
}
