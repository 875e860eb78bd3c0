/** Lists named in the notes at most; more are counted in no note (a list is skipped either way). */
const LIST_NOTE_LIMIT = 10;

/**
 * What an XES read counts for its notes, beside the log itself: plain data, so a piece of the file
 * read on another thread hands its tallies over as they are and the merge adds them up.
 */
export interface XesReadTallies {
  naiveDates: number;
  duplicateTraces: number;
  emptyTraces: number;
  lateTraceNames: number;
  metaAttributesSkipped: number;
  /** Keys of skipped `<list>` attributes, in the order first met, at most LIST_NOTE_LIMIT. */
  skippedLists: string[];
}

export function noTallies(): XesReadTallies {
  return {
    naiveDates: 0,
    duplicateTraces: 0,
    emptyTraces: 0,
    lateTraceNames: 0,
    metaAttributesSkipped: 0,
    skippedLists: [],
  };
}

export function tallySkippedList(tallies: XesReadTallies, key: string): void {
  const lists = tallies.skippedLists;
  if (lists.length < LIST_NOTE_LIMIT && !lists.includes(key)) lists.push(key);
}

/** Adds the tallies of the part of the file read after `into`'s part, as one read of both would count. */
export function addTallies(into: XesReadTallies, later: XesReadTallies): void {
  into.naiveDates += later.naiveDates;
  into.duplicateTraces += later.duplicateTraces;
  into.emptyTraces += later.emptyTraces;
  into.lateTraceNames += later.lateTraceNames;
  into.metaAttributesSkipped += later.metaAttributesSkipped;
  for (const key of later.skippedLists) tallySkippedList(into, key);
}

/** The notes these tallies call for, in the user's words; `timeZone` is asked only when needed. */
export function talliesNotes(tallies: XesReadTallies, timeZone: () => string): string[] {
  const notes: string[] = [];
  if (tallies.naiveDates > 0)
    notes.push(
      `${tallies.naiveDates} date values carry no time-zone offset; they were read in time zone ${timeZone()}.`,
    );
  if (tallies.duplicateTraces > 0)
    notes.push(
      `${tallies.duplicateTraces} traces repeat the concept:name of an earlier trace; their events were joined to that case.`,
    );
  if (tallies.emptyTraces > 0) notes.push(`${tallies.emptyTraces} traces contain no events and were left out.`);
  if (tallies.lateTraceNames > 0)
    notes.push(
      `${tallies.lateTraceNames} traces give their concept:name after their first event; those cases keep the generated id "trace-<n>".`,
    );
  if (tallies.skippedLists.length > 0)
    notes.push(`List attributes were skipped (a list has no single value): ${tallies.skippedLists.join(', ')}.`);
  if (tallies.metaAttributesSkipped > 0)
    notes.push(
      `${tallies.metaAttributesSkipped} attributes carry nested meta-attributes; the meta-attributes were skipped.`,
    );
  return notes;
}
