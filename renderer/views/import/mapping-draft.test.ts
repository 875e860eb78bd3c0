import { describe, expect, it } from 'vitest';
import type { CsvPreview } from '../../../preload/api.ts';
import { draftFromPreview, draftProblems, mappingFromDraft, numberFormatLabel } from './mapping-draft.ts';

function preview(): CsvPreview {
  const column = (name: string, index: number, inferredType: 'string' | 'number' | 'date') => ({
    name,
    index,
    inferredType,
    emptyCount: 0,
    distinctCount: 1,
    sample: [],
  });
  return {
    fileName: 'x.csv',
    fileSize: 10,
    encoding: 'utf-8',
    hasBom: false,
    delimiter: ',',
    quote: '"',
    header: ['case', 'act', 'time', 'who', 'cost'],
    rows: [],
    columns: [
      column('case', 0, 'string'),
      column('act', 1, 'string'),
      column('time', 2, 'date'),
      column('who', 3, 'string'),
      column('cost', 4, 'number'),
    ],
    suggested: { case: 'case', activity: 'act', timestamp: 'time', resource: 'who' },
    notes: [],
  };
}

describe('mapping draft', () => {
  it('starts from the suggestion and the machine zone, sending no attribute list when untouched', () => {
    const p = preview();
    const draft = draftFromPreview(p, 'Europe/Berlin');
    expect(draft.timezone).toBe('Europe/Berlin');
    expect(draftProblems(draft)).toEqual([]);
    expect(mappingFromDraft(draft, p)).toEqual({
      case: 'case',
      activity: 'act',
      timestamp: 'time',
      resource: 'who',
      startTimestamp: null,
      timestampFormat: null,
      timezone: 'Europe/Berlin',
    });
  });

  it('lists the kept attributes once the user changes one', () => {
    const p = preview();
    const draft = draftFromPreview(p, 'UTC');
    draft.resource = '';
    draft.attributes.cost = { keep: true, type: 'string' };
    draft.attributes.who = { keep: false, type: 'string' };
    expect(mappingFromDraft(draft, p).attributes).toEqual([{ name: 'cost', type: 'string' }]);
  });

  it('names missing and doubly used columns', () => {
    const draft = draftFromPreview(preview(), 'UTC');
    draft.case = '';
    draft.resource = 'act';
    expect(draftProblems(draft)).toEqual([
      'Choose the column that identifies the case.',
      'Column "act" is used both as activity and as resource.',
    ]);
  });

  it('sends a number format chosen for a column, and only for number columns', () => {
    const p = preview();
    const draft = draftFromPreview(p, 'UTC');
    draft.attributes.cost = { keep: true, type: 'number', numberFormat: { decimal: ',', thousands: '.' } };
    expect(mappingFromDraft(draft, p).attributes).toEqual([
      { name: 'cost', type: 'number', numberFormat: { decimal: ',', thousands: '.' } },
    ]);
    draft.attributes.cost = { keep: true, type: 'string', numberFormat: { decimal: ',', thousands: '.' } };
    expect(mappingFromDraft(draft, p).attributes).toEqual([{ name: 'cost', type: 'string' }]);
    expect(numberFormatLabel({ decimal: ',', thousands: ' ' })).toBe('1 234,5');
    expect(numberFormatLabel(undefined)).toBeNull();
  });
});
