import { describe, expect, it } from 'vitest';
import { exportFileOf } from './download.ts';

describe('an export as the contract carries it', () => {
  it('keeps text as text and sends bytes as base64 that decode to the same bytes', async () => {
    expect(await exportFileOf(new Blob(['<svg>Ø</svg>'], { type: 'image/svg+xml' }), 'map.svg')).toEqual({
      name: 'map.svg',
      mimeType: 'image/svg+xml',
      data: '<svg>Ø</svg>',
      encoding: 'utf8',
    });
    expect((await exportFileOf(new Blob(['a;b'], { type: 'text/csv;charset=utf-8' }), 't.csv')).encoding).toBe('utf8');
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);
    const file = await exportFileOf(new Blob([bytes], { type: 'image/png' }), 'chart.png');
    expect(file.encoding).toBe('base64');
    expect(Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0))).toEqual(bytes);
  });
});
