import { describe, expect, it } from 'vitest';
import { textWidth } from './text-width.ts';

// Reference advances of DejaVu Sans 2.37 (2048 units per em), as FontForge and the font's
// published metrics list them: digits 1303, space 651, 'M' 1767, 'i' 569, 'W' 2025.
describe('textWidth (DejaVu Sans metrics)', () => {
  it('reads the advances of the font file', () => {
    expect(textWidth('0', 2048)).toBe(1303);
    expect(textWidth(' ', 2048)).toBe(651);
    expect(textWidth('M', 2048)).toBe(1767);
    expect(textWidth('i', 2048)).toBe(569);
    expect(textWidth('W', 2048)).toBe(2025);
  });

  it('adds up a label at a font size, in points', () => {
    // "02 Check" = 0 2 space C h e c k = 1303+1303+651+1430+1298+1260+1126+1186 units.
    expect(textWidth('02 Check', 12)).toBeCloseTo(
      ((1303 + 1303 + 651 + 1430 + 1298 + 1260 + 1126 + 1186) / 2048) * 12,
      9,
    );
    expect(textWidth('', 12)).toBe(0);
  });

  it('counts a character the font lacks as at least one em, never narrower', () => {
    expect(textWidth('審査', 10)).toBeGreaterThanOrEqual(20);
    expect(textWidth('é', 12)).toBeCloseTo(textWidth('e', 12), 9); // Latin-1 accents share the base advance
  });
});
