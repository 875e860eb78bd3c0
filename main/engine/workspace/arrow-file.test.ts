import { RecordBatch, Table, tableFromArrays, tableFromIPC, tableToIPC, type Vector } from 'apache-arrow';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from '../eventlog/event-log-builder.ts';
import type { AttributeColumn, EventLog } from '../eventlog/index.ts';
import { readArrowFile } from './arrow-file.ts';
import { eventLogFromArrow, eventLogFromSnapshotFiles, eventLogToArrow } from './snapshot.ts';

/** A seeded log with missing resources, numbers and texts, non-ASCII names and a start time. */
function randomLog(events: number, seed: number): EventLog {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const b = new EventLogBuilder();
  const amount = b.eventAttribute('amount', 'number');
  const note = b.eventAttribute('note', 'string');
  const region = b.caseAttribute('région', 'string');
  const activities = ['Register', 'Prüfen', '承認', 'Pay', 'Close 🚀'];
  for (let i = 0; i < events; i++) {
    const c = `case-${Math.floor(random() * (events / 4 + 1))}${random() < 0.1 ? 'ü' : ''}`;
    const resource = random() < 0.2 ? null : `R${Math.floor(random() * 7)}`;
    b.addEvent(
      c,
      activities[Math.floor(random() * activities.length)]!,
      1.7e12 + Math.floor(random() * 1e9),
      resource,
      i + 2,
      random() < 0.3 ? 1.7e12 : NaN,
    );
    if (random() < 0.5) b.setEventAttribute(amount, Math.round(random() * 1e4) / 100, 'number');
    if (random() < 0.3) b.setEventAttribute(note, random() < 0.5 ? 'late' : 'früh', 'string');
    if (random() < 0.4) b.setCaseAttribute(b.caseIndex(c), region, random() < 0.5 ? 'Nord' : 'Süd', 'string');
  }
  return b.finish();
}

/** The same log read by apache-arrow (the second method), missing codes as -1 as the engine keeps them. */
function readWithApacheArrow(bytes: { events: Uint8Array; cases: Uint8Array }) {
  const events = tableFromIPC(bytes.events);
  const cases = tableFromIPC(bytes.cases);
  const codes = (v: Vector | null, dictionary: string[]) =>
    Array.from(v?.toArray() ?? [], (s: string | null) => (s === null ? -1 : dictionary.indexOf(s)));
  const dictionaryOf = (v: Vector | null) => (v?.data[0]?.dictionary?.toArray() ?? []) as string[];
  return {
    caseIds: Array.from(cases.getChild('case_id')?.toArray() ?? []),
    firstEvent: Array.from(cases.getChild('first_event')?.toArray() ?? []),
    activities: dictionaryOf(events.getChild('activity')),
    activity: codes(events.getChild('activity'), dictionaryOf(events.getChild('activity'))),
    resource: codes(events.getChild('resource'), dictionaryOf(events.getChild('resource'))),
    timestamp: Array.from(events.getChild('timestamp')?.toArray() ?? []),
    sourceRow: Array.from(events.getChild('source_row')?.toArray() ?? []),
  };
}

const plain = (c: AttributeColumn) =>
  c.type === 'string'
    ? { name: c.name, codes: Array.from(c.codes), dictionary: c.dictionary }
    : { name: c.name, values: Array.from(c.values) };

describe('our Arrow file reader against apache-arrow', () => {
  for (const [events, seed] of [
    [1, 1],
    [40, 7],
    [5000, 42],
  ] as const) {
    it(`reads a ${events}-event snapshot as apache-arrow does, and as it was written`, () => {
      const log = randomLog(events, seed);
      const bytes = eventLogToArrow(log);
      const ours = eventLogFromArrow(bytes);
      const theirs = readWithApacheArrow(bytes);
      expect(ours.caseIds).toEqual(theirs.caseIds);
      expect(Array.from(ours.caseStart.subarray(0, ours.caseCount))).toEqual(theirs.firstEvent);
      expect(ours.activities).toEqual(theirs.activities);
      expect(Array.from(ours.activity)).toEqual(theirs.activity);
      expect(Array.from(ours.resource)).toEqual(theirs.resource);
      expect(Array.from(ours.timestamp)).toEqual(theirs.timestamp);
      expect(Array.from(ours.sourceRow)).toEqual(theirs.sourceRow);
      // And the log that was written comes back whole (attributes, start times, dictionaries).
      expect(ours.caseIds).toEqual(log.caseIds);
      expect(ours.resources).toEqual(log.resources);
      expect(Array.from(ours.resource)).toEqual(Array.from(log.resource));
      expect(Array.from(ours.startTimestamp ?? [])).toEqual(Array.from(log.startTimestamp ?? []));
      expect(ours.eventAttributes.map(plain)).toEqual(log.eventAttributes.map(plain));
      expect(ours.caseAttributes.map(plain)).toEqual(log.caseAttributes.map(plain));
    });
  }

  it('hands out numeric columns as views into the file, not copies', () => {
    const bytes = eventLogToArrow(randomLog(100, 3)).events;
    const file = readArrowFile(bytes);
    const timestamp = file.column('timestamp');
    expect(timestamp.kind).toBe('float64');
    expect(timestamp.kind === 'float64' && timestamp.values.buffer).toBe(bytes.buffer);
  });

  it('refuses what it does not read rather than guessing: damaged, foreign types, several batches', () => {
    const bytes = eventLogToArrow(randomLog(200, 5)).events;
    expect(() => eventLogFromArrow({ events: bytes.slice(0, bytes.length - 40), cases: bytes })).toThrow(
      /snapshot file/,
    );
    expect(() => eventLogFromArrow({ events: new Uint8Array(64), cases: bytes })).toThrow(/snapshot file/);
    const wrongMagic = bytes.slice();
    wrongMagic[0] = 0x42;
    expect(() => readArrowFile(wrongMagic)).toThrow(/ARROW1/);
    // Garbage between the magic numbers: an error, whichever, never a hang or a wrong log.
    const garbage = bytes.slice();
    for (let i = 8; i < garbage.length - 10; i++) garbage[i] = (i * 2654435761) >>> 24;
    expect(() => eventLogFromArrow({ events: garbage, cases: garbage })).toThrow();

    const int64 = tableToIPC(tableFromArrays({ big: new BigInt64Array([1n, 2n]) }), 'file');
    expect(() => readArrowFile(int64).column('big')).toThrow(/type/);
    const one = tableFromArrays({ x: new Int32Array([1, 2]) });
    const two = new Table([...one.batches, ...one.batches] as RecordBatch[]);
    expect(() => readArrowFile(tableToIPC(two, 'file'))).toThrow(/2 record batches/);
  });
});

describe('reopening from the snapshot files', () => {
  function written(log: EventLog) {
    const dir = mkdtempSync(join(tmpdir(), 'gemba-arrow-'));
    const bytes = eventLogToArrow(log);
    const paths = { events: join(dir, 'e.arrow'), cases: join(dir, 'c.arrow'), dir };
    writeFileSync(paths.events, bytes.events);
    writeFileSync(paths.cases, bytes.cases);
    return paths;
  }

  it('gives the same log as reading the whole files, column by column', () => {
    const log = randomLog(3000, 11);
    const files = written(log);
    try {
      const lazy = eventLogFromSnapshotFiles(files.events, files.cases);
      const whole = eventLogFromArrow({
        events: new Uint8Array(readFileSync(files.events)),
        cases: new Uint8Array(readFileSync(files.cases)),
      });
      expect(lazy.caseIds).toEqual(whole.caseIds);
      expect(Array.from(lazy.sourceRow)).toEqual(Array.from(whole.sourceRow));
      expect(Array.from(lazy.activity)).toEqual(Array.from(whole.activity));
      expect(Array.from(lazy.resource)).toEqual(Array.from(whole.resource));
      expect(Array.from(lazy.timestamp)).toEqual(Array.from(whole.timestamp));
      expect(lazy.eventAttributes.map(plain)).toEqual(whole.eventAttributes.map(plain));
      expect(lazy.caseAttributes.map(plain)).toEqual(whole.caseAttributes.map(plain));
      // A copy and a structured clone (what crosses to another thread) carry the values.
      const clone = structuredClone(eventLogFromSnapshotFiles(files.events, files.cases));
      expect(clone.caseIds).toEqual(whole.caseIds);
      expect(clone.eventAttributes.map(plain)).toEqual(whole.eventAttributes.map(plain));
    } finally {
      rmSync(files.dir, { recursive: true, force: true });
    }
  });

  it('reads attribute columns only when used', () => {
    const files = written(randomLog(500, 13));
    const log = eventLogFromSnapshotFiles(files.events, files.cases);
    // What every analysis needs is in memory now; the rest is still in the files.
    rmSync(files.dir, { recursive: true, force: true });
    expect(log.activity.length).toBe(500);
    expect(log.timestamp.length).toBe(500);
    expect(() => log.eventAttributes[0]!.type === 'number' && log.eventAttributes[0]!.values).toThrow(
      /can no longer be read.*open the workspace again/,
    );
    expect(log.caseIds.length).toBe(log.caseCount);
    expect(log.sourceRow.length).toBe(500);
  });
});
