import type { AttributeType, RejectedRow } from '../../../../preload/api.ts';
import { InputError } from '../../errors.ts';
import { EventLogBuilder, type AttributeHandle, type RawValue } from '../../eventlog/index.ts';
import { REJECTED_SAMPLE_LIMIT } from '../parsed-log.ts';
import { clip, TextTimestamps } from './text-timestamps.ts';
import { parseXesDate, type NaiveTimeReader } from './xes-date.ts';
import type { XesPieceRules } from './xes-piece-rules.ts';
import { noTallies, talliesNotes, tallySkippedList } from './xes-read-tallies.ts';
import { readTypedValue, type TypedValue } from './xes-values.ts';
import type { XmlOpenTag, XmlTagHandler } from './xml-syntax.ts';

const SCOPE_NONE = 0;
const SCOPE_LOG = 1;
const SCOPE_TRACE = 2;
const SCOPE_EVENT = 3;

/**
 * The state machine behind parseXesLog: XesTokenizer's tags in, EventLogBuilder calls out. Nothing
 * is kept per event beyond the builder's columns, except while the format of text timestamps is
 * being inferred (TextTimestamps holds those events back).
 */
export class XesLogReader implements XmlTagHandler {
  readonly builder = new EventLogBuilder();
  readonly rejected: RejectedRow[] = [];
  rejectedCount = 0;
  eventsRead = 0;

  depth = 0;
  /** Depth of the element whose subtree is being skipped, 0 when none. */
  private skipFrom = 0;
  private scope = SCOPE_NONE;
  sawRoot = false;
  closedRoot = false;

  // Trace being read.
  private traceOrdinal = 0;
  private traceName: string | null = null;
  private caseId: string | null = null;
  private caseIndex = -1;
  private traceEvents = 0;
  private readonly traceHandles: AttributeHandle[] = [];
  private readonly traceValues: RawValue[] = [];
  private readonly traceTypes: AttributeType[] = [];
  private traceAttributeCount = 0;
  private casesCreated = 0;

  // Event being read.
  private orphanEvent = false;
  eventLine = 0;
  private activity: string | null = null;
  private resource: string | null = null;
  private hasTimestamp = false;
  private timestamp = NaN;
  private timestampText: string | null = null;
  private timestampIsText = false;
  private readonly eventHandles: AttributeHandle[] = [];
  private readonly eventValues: RawValue[] = [];
  private readonly eventTypes: AttributeType[] = [];
  private eventAttributeCount = 0;

  // Containers being flattened.
  private readonly containerDepths: number[] = [];
  private readonly containerPrefixes: string[] = [];

  private readonly eventHandleByKey = new Map<string, AttributeHandle>();
  /**
   * The name and handle of the i-th extra attribute of the last event that had one there: events
   * of a log repeat the same attributes in the same order, so this usually spares the map lookup.
   */
  private readonly eventNameAt: string[] = [];
  private readonly eventHandleAt: AttributeHandle[] = [];
  private readonly caseHandleByKey = new Map<string, AttributeHandle>();

  // Text timestamps: inferred once from the first values, then applied to all.
  private readonly textTimestamps: TextTimestamps;

  // Set by readTypedValue(): the value and type of the attribute just read.
  private readonly typed: TypedValue = { value: null, type: 'string' };

  /** For the notes. */
  readonly tallies = noTallies();

  constructor(
    /** Places `<date>` values without an offset. */
    private readonly naive: NaiveTimeReader,
    /** The zone for times without an offset; asked for only when one is met (the machine's zone costs an ICU start-up). */
    private readonly zone: () => string,
    /** Set when this reads a piece of a file from a `<trace>` on (parse-xes-piece.ts): what it must refuse. */
    private readonly piece: XesPieceRules | null = null,
  ) {
    this.textTimestamps = new TextTimestamps(zone, (e, timestamp, reject) => {
      if (reject !== null) {
        this.reject(e.line, reject);
        return;
      }
      this.builder.addEvent(e.caseId, e.activity, timestamp, e.resource, e.line);
      for (let i = 0; i < e.handles.length; i++) this.builder.setEventAttribute(e.handles[i], e.values[i], e.types[i]);
    });
  }

  openTag(tag: XmlOpenTag): void {
    const depth = ++this.depth;
    if (this.skipFrom !== 0) return;
    const name = tag.name;
    if (depth === 1) {
      const local = name.slice(name.indexOf(':') + 1);
      if (local !== 'log') {
        throw new InputError(
          `This is XML but not an XES event log: its root element is <${name}>, and an XES file's root is <log>.`,
          {
            line: tag.line,
            hint: 'Choose an XES export (.xes or .xes.gz) or a CSV file.',
          },
        );
      }
      this.sawRoot = true;
      this.scope = SCOPE_LOG;
      return;
    }
    switch (this.scope) {
      case SCOPE_LOG:
        if (name === 'trace') this.startTrace();
        else if (name === 'event') this.startEvent(true, tag.line);
        else this.skipFrom = depth;
        return;
      case SCOPE_TRACE:
        if (name === 'event') {
          if (this.caseId === null) this.fixCase();
          this.startEvent(false, tag.line);
        } else this.readAttribute(tag, depth, false);
        return;
      case SCOPE_EVENT:
        this.readAttribute(tag, depth, true);
        return;
      default:
        this.skipFrom = depth;
    }
  }

  closeTag(): void {
    const depth = this.depth--;
    if (this.skipFrom !== 0) {
      if (depth === this.skipFrom) this.skipFrom = 0;
      return;
    }
    if (depth === 1) {
      this.closedRoot = true;
      this.scope = SCOPE_NONE;
      return;
    }
    const containers = this.containerDepths.length;
    if (containers > 0 && this.containerDepths[containers - 1] === depth) {
      this.containerDepths.pop();
      this.containerPrefixes.pop();
      return;
    }
    // Other closes here are of attributes already read (self-closing tags are closed too).
    if (this.scope === SCOPE_EVENT) {
      if (depth === (this.orphanEvent ? 2 : 3)) {
        this.finishEvent();
        this.scope = this.orphanEvent ? SCOPE_LOG : SCOPE_TRACE;
      }
    } else if (this.scope === SCOPE_TRACE && depth === 2) {
      this.finishTrace();
      this.scope = SCOPE_LOG;
    }
  }

  /** True between the children of `<log>`: a piece read from here on adds to this read as one read would. */
  atLogLevel(): boolean {
    return this.depth === 1 && this.skipFrom === 0 && this.scope === SCOPE_LOG && !this.textTimestamps.holding;
  }

  /** Where the reader is, in the user's words, for the truncation message. */
  whereInLog(): string {
    if (this.scope === SCOPE_EVENT)
      return this.orphanEvent ? 'inside an <event>' : `inside an <event> of trace ${this.traceOrdinal}`;
    if (this.scope === SCOPE_TRACE) return `inside trace ${this.traceOrdinal}`;
    return 'inside <log>';
  }

  private startTrace(): void {
    this.scope = SCOPE_TRACE;
    this.traceOrdinal++;
    this.traceName = null;
    this.caseId = null;
    this.caseIndex = -1;
    this.traceEvents = 0;
    this.traceAttributeCount = 0;
  }

  /** The case id is settled when the first event arrives (XES puts trace attributes first). */
  private fixCase(): void {
    if (this.piece !== null && this.traceName === null) this.piece.namelessTrace();
    const id = this.traceName ?? `trace-${this.traceOrdinal}`;
    this.caseId = id;
    this.caseIndex = this.builder.caseIndex(id);
    if (this.caseIndex === this.casesCreated) this.casesCreated++;
    else if (this.piece !== null) this.piece.repeatedTrace();
    else this.tallies.duplicateTraces++;
    for (let i = 0; i < this.traceAttributeCount; i++) {
      this.builder.setCaseAttribute(this.caseIndex, this.traceHandles[i], this.traceValues[i], this.traceTypes[i]);
    }
    this.traceAttributeCount = 0;
  }

  private finishTrace(): void {
    if (this.caseId === null && this.traceEvents === 0) this.tallies.emptyTraces++;
  }

  private startEvent(orphan: boolean, line: number): void {
    this.scope = SCOPE_EVENT;
    this.orphanEvent = orphan;
    this.eventLine = line;
    this.activity = null;
    this.resource = null;
    this.hasTimestamp = false;
    this.timestamp = NaN;
    this.timestampText = null;
    this.timestampIsText = false;
    this.eventAttributeCount = 0;
    this.traceEvents++;
  }

  /** An attribute element directly inside a trace or event (or inside a container there). */
  private readAttribute(tag: XmlOpenTag, depth: number, ofEvent: boolean): void {
    const containers = this.containerDepths.length;
    const directChild =
      containers === 0
        ? depth === (ofEvent ? (this.orphanEvent ? 3 : 4) : 3)
        : depth === this.containerDepths[containers - 1] + 1;
    const key = tag.key();
    if (!directChild || key === undefined) {
      this.skipFrom = depth;
      return;
    }
    const kind = tag.name;
    if (kind === 'container') {
      this.containerDepths.push(depth);
      this.containerPrefixes.push((containers > 0 ? this.containerPrefixes[containers - 1] : '') + key + '/');
      return;
    }
    if (kind === 'list') {
      tallySkippedList(this.tallies, key);
      if (!tag.selfClosing) this.skipFrom = depth;
      return;
    }
    const raw = tag.value() ?? '';
    if (!tag.selfClosing) {
      // Meta-attributes of this attribute follow as children; the attribute itself is kept.
      this.skipFrom = depth;
      this.tallies.metaAttributesSkipped++;
    }
    if (containers === 0) {
      if (ofEvent) {
        switch (key) {
          case 'concept:name':
            this.activity = raw;
            return;
          case 'org:resource':
            this.resource = raw;
            return;
          case 'time:timestamp':
            this.hasTimestamp = true;
            this.timestampText = raw;
            if (kind === 'date') this.timestamp = parseXesDate(raw, this.naive);
            else if (this.piece !== null) this.piece.textTimestamp();
            else this.timestampIsText = true;
            return;
        }
      } else if (key === 'concept:name') {
        if (this.caseId === null) this.traceName = raw;
        else this.tallies.lateTraceNames++;
        return;
      }
    }
    const typed = this.typed;
    if (!readTypedValue(kind, raw, this.naive, typed)) {
      this.skipFrom = depth;
      return;
    }
    const name = containers === 0 ? key : this.containerPrefixes[containers - 1] + key;
    if (ofEvent) {
      const i = this.eventAttributeCount++;
      const handle = this.eventNameAt[i] === name ? this.eventHandleAt[i] : this.eventHandle(name, i);
      if (this.piece !== null) this.piece.eventAttribute(handle.index, this.eventsRead + 1);
      this.eventHandles[i] = handle;
      this.eventValues[i] = typed.value;
      this.eventTypes[i] = typed.type;
    } else {
      let handle = this.caseHandleByKey.get(name);
      if (handle === undefined) {
        handle = this.builder.caseAttribute(name, typed.type);
        this.caseHandleByKey.set(name, handle);
      }
      if (this.piece !== null) this.piece.traceAttribute(handle.index, this.traceOrdinal);
      if (this.caseId !== null) this.builder.setCaseAttribute(this.caseIndex, handle, typed.value, typed.type);
      else {
        const i = this.traceAttributeCount++;
        this.traceHandles[i] = handle;
        this.traceValues[i] = typed.value;
        this.traceTypes[i] = typed.type;
      }
    }
  }

  private eventHandle(name: string, position: number): AttributeHandle {
    let handle = this.eventHandleByKey.get(name);
    if (handle === undefined) {
      handle = this.builder.eventAttribute(name, this.typed.type);
      this.eventHandleByKey.set(name, handle);
    }
    this.eventNameAt[position] = name;
    this.eventHandleAt[position] = handle;
    return handle;
  }

  private finishEvent(): void {
    this.eventsRead++;
    const line = this.eventLine;
    let reject: string | null = null;
    const activity = this.activity;
    if (this.orphanEvent) reject = 'event is outside any <trace>, so it belongs to no case';
    else if (activity === null || activity === '') reject = 'event has no concept:name (activity)';
    else if (!this.hasTimestamp) reject = 'event has no time:timestamp';
    else if (!this.timestampIsText && Number.isNaN(this.timestamp))
      reject = `time:timestamp "${clip(this.timestampText ?? '')}" is not a valid XES date`;

    const texts = this.textTimestamps;
    if (this.timestampIsText && reject === null) this.timestamp = texts.read(this.timestampText ?? '');

    if (texts.holding) {
      const n = this.eventAttributeCount;
      texts.hold({
        caseId: this.caseId ?? '',
        activity: activity ?? '',
        timestampText: this.timestampIsText ? this.timestampText : null,
        timestamp: this.timestamp,
        resource: this.resource,
        line,
        reject,
        handles: this.eventHandles.slice(0, n),
        values: this.eventValues.slice(0, n),
        types: this.eventTypes.slice(0, n),
      });
      return;
    }

    if (reject === null && Number.isNaN(this.timestamp)) reject = texts.reason(this.timestampText ?? '');
    if (reject !== null) {
      this.reject(line, reject);
      return;
    }
    const builder = this.builder;
    // The trace's case index is already known: no dictionary lookup of the case id per event.
    builder.addEventByCodes(
      this.caseIndex,
      builder.activityCode(activity!),
      this.timestamp,
      builder.resourceCode(this.resource),
      line,
    );
    for (let i = 0; i < this.eventAttributeCount; i++)
      this.builder.setEventAttribute(this.eventHandles[i], this.eventValues[i], this.eventTypes[i]);
  }

  /** The end of the log: events still held back for their text timestamps are added now. */
  settleStringFormat(): void {
    this.textTimestamps.settle();
  }

  private reject(line: number, reason: string): void {
    this.rejectedCount++;
    if (this.rejected.length < REJECTED_SAMPLE_LIMIT) this.rejected.push({ line, reason });
  }

  notes(): string[] {
    const notes = [...this.textTimestamps.notes(), ...talliesNotes(this.tallies, this.zone)];
    const dropped = this.builder.droppedAttributesNote();
    if (dropped) notes.push(dropped);
    return notes;
  }
}
