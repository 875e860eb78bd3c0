import { describe, expect, it } from 'vitest';
import { readPlainDecimal } from './decimal-text.ts';

describe('readPlainDecimal', () => {
  it('agrees bit for bit with Number() on plain decimals', () => {
    const cases = [
      '0',
      '-0',
      '3',
      '637.65',
      '-12.5',
      '0.1',
      '0.3',
      '.5',
      '12.',
      '999999999999999',
      '0.00000000000001',
      '123456789.012345',
      '1.7976931348623',
      '-0.000',
    ];
    for (const text of cases) expect(Object.is(readPlainDecimal(text), Number(text)), text).toBe(true);
    // A second method on many values: random digit strings with a random decimal point.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let k = 0; k < 20000; k++) {
      const length = 1 + random(15);
      let digits = '';
      for (let d = 0; d < length; d++) digits += String(random(10));
      const point = random(length + 1);
      const text =
        (random(4) === 0 ? '-' : '') + digits.slice(0, point) + (random(3) === 0 ? '' : '.') + digits.slice(point);
      expect(Object.is(readPlainDecimal(text), Number(text)), text).toBe(true);
    }
  });

  it('leaves everything else to Number() by answering NaN', () => {
    for (const text of [
      '',
      '-',
      '.',
      '1e5',
      '+5',
      ' 5',
      '5 ',
      '1.2.3',
      'n/a',
      '0x10',
      '1234567890123456',
      '0.000000000000001',
      'Infinity',
      '١٢',
    ]) {
      expect(readPlainDecimal(text), text).toBeNaN();
    }
  });
});
