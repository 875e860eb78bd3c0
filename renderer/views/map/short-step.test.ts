import { describe, expect, it } from 'vitest';
import { shortStep } from './short-step.ts';

describe('shortStep', () => {
  it('cuts long names at a word, short ones stay', () => {
    expect(shortStep('decide')).toBe('decide');
    expect(shortStep('T02 Check confirmation of receipt')).toBe('T02 Check confirmation…'); // the space at 22 is the last before 24
    expect(shortStep('invite additional reviewer')).toBe('invite additional…');
    expect(shortStep('Averyveryverylongsingleword_without_spaces')).toBe('Averyveryverylongsingle…'); // 23 characters (5 + 4 + 4 + 4 + 6) and the ellipsis
  });
});
