import { describe, expect, it } from 'vitest';
import { fileKindOf } from './file-kind.ts';

describe('fileKindOf', () => {
  it('routes by extension, case-insensitively', () => {
    expect(fileKindOf('running-example.csv')).toBe('csv');
    expect(fileKindOf('EXPORT.TSV')).toBe('csv');
    expect(fileKindOf('receipt.xes')).toBe('xes');
    expect(fileKindOf('receipt.XES.gz')).toBe('xes');
    expect(fileKindOf('notes.docx')).toBe('unknown');
  });
});
