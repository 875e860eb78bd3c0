import { describe, expect, it } from 'vitest';
import { hasHiddenSpacing, visibleLabel } from './visible-label.ts';

describe('labels with spacing HTML would hide', () => {
  it('marks leading, trailing and doubled spaces, tabs and line breaks', () => {
    expect(visibleLabel(' Send Invoice')).toBe('␣Send Invoice');
    expect(visibleLabel('Dispatch Shipment ')).toBe('Dispatch Shipment␣');
    expect(visibleLabel('Check  Credit')).toBe('Check ␣Credit');
    expect(visibleLabel('Check   Credit')).toBe('Check ␣␣Credit');
    expect(visibleLabel('a\tb')).toBe('a⇥b');
    expect(visibleLabel('a\nb ')).toBe('a↵b␣');
    expect(visibleLabel('  ')).toBe('␣␣');
  });
  it('leaves ordinary labels alone', () => {
    expect(visibleLabel('Send Invoice')).toBe('Send Invoice');
    expect(visibleLabel('')).toBe('');
    expect(hasHiddenSpacing('Send Invoice')).toBe(false);
    expect(hasHiddenSpacing(' Send Invoice')).toBe(true);
  });
});
