import { describe, expect, it } from 'vitest';
import { paintTokens, pixelColour } from './paint-tokens.ts';

describe('paintTokens', () => {
  it('paints a 5×5 dot without corners (21 pixels) at each token, and clears the rest', () => {
    const width = 10;
    const height = 8;
    const pixels = new Uint32Array(width * height).fill(7);
    paintTokens(pixels, width, height, Float32Array.from([4.2, 3.6]), 1, 1);
    expect(pixels.reduce((n, p) => n + p, 0)).toBe(21);
    // Centre (4, 4) painted; corners (2, 2) and (6, 6) not; the row above the dot not.
    expect(pixels[4 * width + 4]).toBe(1);
    expect(pixels[2 * width + 2]).toBe(0);
    expect(pixels[6 * width + 6]).toBe(0);
    expect(pixels[1 * width + 4]).toBe(0);
  });

  it('leaves out tokens too near the edge instead of wrapping to the next row', () => {
    const pixels = new Uint32Array(100);
    paintTokens(pixels, 10, 10, Float32Array.from([0, 5, 9, 5]), 2, 1);
    expect(pixels.every((p) => p === 0)).toBe(true);
  });

  it('orders colour bytes as ImageData reads them', () => {
    const bytes = new Uint8Array(Uint32Array.from([pixelColour(230, 120, 0, 220)]).buffer);
    expect(Array.from(bytes)).toEqual([230, 120, 0, 220]);
  });
});
