import { describe, expect, it } from 'vitest';
import { blobOfDataUrl, themedLayout } from './plotly-chart.tsx';

describe('blobOfDataUrl', () => {
  it('decodes a base64 PNG data URL to its bytes', async () => {
    // "iVBORw0KGgo=" is base64 of the 8-byte PNG signature 89 50 4E 47 0D 0A 1A 0A.
    const blob = blobOfDataUrl('data:image/png;base64,iVBORw0KGgo=');
    expect(blob.type).toBe('image/png');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('decodes a URL-encoded SVG data URL to its text', async () => {
    const blob = blobOfDataUrl('data:image/svg+xml,%3Csvg%20width%3D%221%22%2F%3E');
    expect(blob.type).toBe('image/svg+xml');
    expect(await blob.text()).toBe('<svg width="1"/>');
  });
});

describe('themedLayout', () => {
  it('keeps the caller’s values over the theme and gives every axis the grid colour', () => {
    const layout = themedLayout({ height: 300, margin: { l: 1, r: 2, t: 3, b: 4 }, yaxis2: { title: { text: 'MR' } } });
    expect(layout.height).toBe(300);
    expect(layout.margin).toEqual({ l: 1, r: 2, t: 3, b: 4 });
    expect(layout.yaxis2).toMatchObject({ title: { text: 'MR' }, gridcolor: '#e6e9ee' });
    expect(layout.xaxis).toMatchObject({ gridcolor: '#e6e9ee' });
  });
});
