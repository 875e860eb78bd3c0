/**
 * Plain decimals ("637.65", "-12", "3") read without a call into the runtime's number parser,
 * which costs more than the rest of reading a numeric XES attribute. Exact: at most 15 digits fit
 * a double's integer range exactly, and dividing by an exact power of ten is rounded once, as
 * Number() rounds (the fast path of Clinger's algorithm). Anything else (exponents, "+", spaces,
 * more digits) returns NaN, and the caller falls back to Number().
 */

const POWERS_OF_TEN = Array.from({ length: 17 }, (_, k) => 10 ** k);

export function readPlainDecimal(text: string): number {
  const n = text.length;
  if (n === 0 || n > 17) return NaN;
  const negative = text.charCodeAt(0) === 45; /* - */
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let dot = 0;
  for (let i = negative ? 1 : 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      scale += dot;
    } else if (c === 46 /* . */ && dot === 0) dot = 1;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  // Always divided (by 1 for integers), so that no branch is first taken deep into a file.
  const value = mantissa / POWERS_OF_TEN[scale];
  return negative ? -value : value;
}
