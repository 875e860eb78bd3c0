import { describe, expect, it } from 'vitest';
import { withFontFace } from '../../components/ui-font.ts';
import { exportTitle, titledSvg } from './export-map.ts';

const MAP =
  '<svg width="200pt" height="100pt"\n viewBox="0.00 0.00 200.00 100.00" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n<g id="graph0"><text>decide</text></g>\n</svg>\n';

describe('exportTitle', () => {
  it('says which log, filters, slider values, calendar and date', () => {
    const lines = exportTitle({
      workspaceName: 'Order to cash 2024',
      fileName: 'receipt.xes',
      filters: ['Variants #4, #5', 'NOT (Without T03)'],
      view: 'performance (median)',
      activities: 0.55,
      paths: 0.3,
      shownActivities: 15,
      totalActivities: 27,
      shownPaths: 31,
      totalPaths: 99,
      cases: 1234,
      totalCases: 1434,
      calendar: 'Mon–Fri 9–17, Europe/Berlin',
      exportedAt: '2024-05-02 14:03 (Europe/Berlin)',
    });
    expect(lines).toEqual([
      'Order to cash 2024 — receipt.xes',
      'Process map, performance (median) · activities 55% (15 of 27) · paths 30% (31 of 99)',
      'Filters: Variants #4, #5; NOT (Without T03) · 1,234 of 1,434 cases',
      'Durations in working hours (Mon–Fri 9–17, Europe/Berlin) · exported 2024-05-02 14:03 (Europe/Berlin)',
    ]);
  });

  it('names the data-quality fixes in force', () => {
    const base = {
      workspaceName: 'W',
      fileName: null,
      filters: [],
      view: 'frequency',
      activities: 1,
      paths: 1,
      shownActivities: 1,
      totalActivities: 1,
      shownPaths: 1,
      totalPaths: 1,
      cases: 1,
      totalCases: 1,
      calendar: null,
      exportedAt: 'now',
    };
    expect(exportTitle({ ...base, fixes: ['Merge "Approve" into "approve"', 'Drop 3 duplicate events'] })[4]).toBe(
      '2 data-quality fixes in force: Merge "Approve" into "approve"; Drop 3 duplicate events',
    );
    expect(exportTitle({ ...base, fixes: ['Drop duplicates'] })[4]).toBe(
      '1 data-quality fix in force: Drop duplicates',
    );
    expect(exportTitle({ ...base, fixes: [] })).toHaveLength(4);
  });
});

describe('titledSvg', () => {
  it('puts the map under a title block, escaped, and grows the picture by the block', () => {
    const out = titledSvg(MAP, ['A & <B>', 'second']);
    // block = 8 + 14 + 1 × 14 + 8 = 44 pt over the 100 pt map
    expect(out).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* width="200pt" height="144pt" viewBox="0 0 200 144">/,
    );
    expect(out).toContain('>A &amp; &lt;B&gt;</text>');
    expect(out).toContain('<svg x="0" y="44" width="200" height="100" viewBox="0.00 0.00 200.00 100.00">');
    expect(out).toContain('<g id="graph0"><text>decide</text></g>');
    expect(out.trim().endsWith('</svg>')).toBe(true);
    expect(out.match(/<svg/g)).toHaveLength(2);
    expect(out.match(/<\/svg>/g)).toHaveLength(2);
  });
  it('widens a narrow map to the longest line and centres the map', () => {
    const out = titledSvg(MAP, ['t', 'x'.repeat(100)]);
    // 100 characters × 10 pt × 0.62 (DejaVu Sans) + 16 = 636 pt; the 200-pt map centred: x = 218
    expect(out).toContain('width="636pt"');
    expect(out).toContain('<svg x="218" y="44"');
  });
});

describe('withFontFace', () => {
  it('puts the font rule first inside the root element, after an XML prolog too', () => {
    const rule = "@font-face{font-family:'Gemba Sans';src:url(data:font/ttf;base64,AAAA)}";
    expect(withFontFace('<svg width="1"><g/></svg>', rule)).toBe(`<svg width="1"><style>${rule}</style><g/></svg>`);
    expect(withFontFace('<?xml version="1.0"?>\n<svg><g/></svg>', rule)).toBe(
      `<?xml version="1.0"?>\n<svg><style>${rule}</style><g/></svg>`,
    );
    expect(withFontFace('not svg', rule)).toBe('not svg');
  });
});
