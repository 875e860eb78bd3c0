import { StringDecoder } from 'node:string_decoder';
import type { AttributeType, RejectedRow } from '../../../../preload/api.ts';
import { InputError, throwIfCancelled } from '../../errors.ts';
import { EventLogBuilder, type AttributeHandle, type RawValue } from '../../eventlog/index.ts';
import { openMaybeGzipped } from '../gzip-guard.ts';
import { REJECTED_SAMPLE_LIMIT, type ImportContext, type ParsedLog } from '../parsed-log.ts';
import { inferStringTimestampFormat, type StringTimestampFormat } from './string-timestamps.ts';
import { isValidTimeZone, machineTimeZone, wallClockResolver } from '../timestamps/index.ts';
import { readPlainDecimal } from './decimal-text.ts';
import { parseXesDate, type NaiveTimeReader } from './xes-date.ts';
import { DEFAULT_MAX_PENDING_CHARS, XesTokenizer, XmlSyntaxError, type XmlOpenTag, type XmlTagHandler } from './xes-tokenizer.ts';

/**
 * Streaming XES import: the tags of XesTokenizer drive a small state machine that writes straight into an
 * EventLogBuilder. Nothing is kept per event beyond the builder's columns, except for a short
 * replay buffer while the format of text timestamps is being inferred.
 *
 * What becomes what:
 * - trace `concept:name` → case id (a trace without one gets "trace-<n>", n = trace ordinal);
 *   other trace attributes → case attributes.
 * - event `concept:name` → activity, `time:timestamp` → timestamp, `org:resource` → resource;
 *   every other event attribute, `lifecycle:transition` included, → event attribute.
 * - sourceRow of an event = the 1-based line of its `<event>` tag, as for CSV rows, so every
 *   example and drill-down can say "line N" and mean a place the user can open the file at.
 * - Nested attributes: a `<container>` is flattened, its children become attributes named
 *   `container/child` (any depth). A `<list>` has no single value and repeated keys, so it is
 *   skipped and named in the notes. Meta-attributes (children of a scalar attribute) describe
 *   the attribute, not the event, and are skipped. `<global>`, `<extension>`, `<classifier>`
 *   and log-level attributes describe the file and are skipped.
 * - Events that cannot be placed (no activity, no or unreadable timestamp, outside any trace)
 *   are rejected rows with the line of their `<event>` tag and a reason, never dropped.
 */

export interface XesImportOptions {
  /** IANA zone for timestamps without an offset; defaults to the machine's zone. */
  timezone?: string;
  /** Longest comment, text run or value accepted; MAX_PENDING_TEXT_CHARS by default (tests lower it). */
  maxPendingTextChars?: number;
}

const PROGRESS_EVERY_BYTES = 1024 * 1024;
/** Events held back at most while the format of text timestamps is not yet known. */
const DEFERRED_EVENT_LIMIT = 1000;
/** Text timestamps sampled to infer their format. */
const STRING_TIMESTAMP_SAMPLES = 200;
/** A real XES file opens <log> within a few KB; this much prolog means it is not one. */
const MAX_PROLOG_CHARS = 64 * 1024 * 1024;
/**
 * Longest comment, tag or attribute value read: past this length (128 M characters) it is padding
 * or an attack, not event data.
 */
const MAX_PENDING_TEXT_CHARS = DEFAULT_MAX_PENDING_CHARS;
const LIST_NOTE_LIMIT = 10;

const SCOPE_NONE = 0;
const SCOPE_LOG = 1;
const SCOPE_TRACE = 2;
const SCOPE_EVENT = 3;

interface DeferredEvent {
  caseId: string;
  activity: string;
  timestampText: string | null;
  timestamp: number;
  resource: string | null;
  line: number;
  reject: string | null;
  handles: AttributeHandle[];
  values: RawValue[];
  types: AttributeType[];
}

class XesLogReader implements XmlTagHandler {
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
  private stringFormatSettled = false;
  private stringFormat: StringTimestampFormat | null = null;
  private deferred: DeferredEvent[] | null = null;
  private readonly stringSamples: string[] = [];
  private stringTimestampCount = 0;

  // Set by typedValue(): the value and type of the attribute just read.
  private valueOut: RawValue = null;
  private typeOut: AttributeType = 'string';

  // For the notes.
  private readonly skippedLists = new Set<string>();
  private metaAttributesSkipped = 0;
  private emptyTraces = 0;
  private duplicateTraces = 0;
  private lateTraceNames = 0;
  naiveDates = 0;

  constructor(
    /** Places `<date>` values without an offset. */
    private readonly naive: NaiveTimeReader,
    /** The zone for times without an offset; asked for only when one is met (the machine's zone costs an ICU start-up). */
    private readonly zone: () => string,
  ) {}

  private get timeZone(): string {
    return this.zone();
  }

  openTag(tag: XmlOpenTag): void {
    const depth = ++this.depth;
    if (this.skipFrom !== 0) return;
    const name = tag.name;
    if (depth === 1) {
      const local = name.slice(name.indexOf(':') + 1);
      if (local !== 'log') {
        throw new InputError(`This is XML but not an XES event log: its root element is <${name}>, and an XES file's root is <log>.`, {
          line: tag.line,
          hint: 'Choose an XES export (.xes or .xes.gz) or a CSV file.',
        });
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

  /** Where the reader is, in the user's words, for the truncation message. */
  whereInLog(): string {
    if (this.scope === SCOPE_EVENT) return this.orphanEvent ? 'inside an <event>' : `inside an <event> of trace ${this.traceOrdinal}`;
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
    const id = this.traceName ?? `trace-${this.traceOrdinal}`;
    this.caseId = id;
    this.caseIndex = this.builder.caseIndex(id);
    if (this.caseIndex === this.casesCreated) this.casesCreated++;
    else this.duplicateTraces++;
    for (let i = 0; i < this.traceAttributeCount; i++) {
      this.builder.setCaseAttribute(this.caseIndex, this.traceHandles[i], this.traceValues[i], this.traceTypes[i]);
    }
    this.traceAttributeCount = 0;
  }

  private finishTrace(): void {
    if (this.caseId === null && this.traceEvents === 0) this.emptyTraces++;
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
    const directChild = containers === 0 ? depth === (ofEvent ? (this.orphanEvent ? 3 : 4) : 3) : depth === this.containerDepths[containers - 1] + 1;
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
      if (this.skippedLists.size < LIST_NOTE_LIMIT) this.skippedLists.add(key);
      if (!tag.selfClosing) this.skipFrom = depth;
      return;
    }
    const raw = tag.value() ?? '';
    if (!tag.selfClosing) {
      // Meta-attributes of this attribute follow as children; the attribute itself is kept.
      this.skipFrom = depth;
      this.metaAttributesSkipped++;
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
            else this.timestampIsText = true;
            return;
        }
      } else if (key === 'concept:name') {
        if (this.caseId === null) this.traceName = raw;
        else this.lateTraceNames++;
        return;
      }
    }
    if (!this.typedValue(kind, raw)) {
      this.skipFrom = depth;
      return;
    }
    const name = containers === 0 ? key : this.containerPrefixes[containers - 1] + key;
    if (ofEvent) {
      const i = this.eventAttributeCount++;
      const handle = this.eventNameAt[i] === name ? this.eventHandleAt[i] : this.eventHandle(name, i);
      this.eventHandles[i] = handle;
      this.eventValues[i] = this.valueOut;
      this.eventTypes[i] = this.typeOut;
    } else {
      let handle = this.caseHandleByKey.get(name);
      if (handle === undefined) {
        handle = this.builder.caseAttribute(name, this.typeOut);
        this.caseHandleByKey.set(name, handle);
      }
      if (this.caseId !== null) this.builder.setCaseAttribute(this.caseIndex, handle, this.valueOut, this.typeOut);
      else {
        const i = this.traceAttributeCount++;
        this.traceHandles[i] = handle;
        this.traceValues[i] = this.valueOut;
        this.traceTypes[i] = this.typeOut;
      }
    }
  }

  private eventHandle(name: string, position: number): AttributeHandle {
    let handle = this.eventHandleByKey.get(name);
    if (handle === undefined) {
      handle = this.builder.eventAttribute(name, this.typeOut);
      this.eventHandleByKey.set(name, handle);
    }
    this.eventNameAt[position] = name;
    this.eventHandleAt[position] = handle;
    return handle;
  }

  /**
   * XES typed value to the builder's value. A value that does not read as its declared type
   * (an `<int>` holding "n/a") is kept as text rather than lost. Returns false for elements
   * that are not XES attributes.
   */
  private typedValue(kind: string, raw: string): boolean {
    switch (kind) {
      case 'string':
      case 'id':
        this.valueOut = raw;
        this.typeOut = 'string';
        return true;
      case 'date': {
        const t = parseXesDate(raw, this.naive);
        if (Number.isNaN(t)) {
          this.valueOut = raw;
          this.typeOut = 'string';
        } else {
          this.valueOut = t;
          this.typeOut = 'date';
        }
        return true;
      }
      case 'int':
      case 'float': {
        let x = readPlainDecimal(raw);
        if (Number.isNaN(x)) x = raw.trim() === '' ? NaN : Number(raw);
        if (Number.isNaN(x)) {
          this.valueOut = raw;
          this.typeOut = 'string';
        } else {
          this.valueOut = x;
          this.typeOut = 'number';
        }
        return true;
      }
      case 'boolean': {
        const v = raw.trim().toLowerCase();
        if (v === 'true' || v === '1') this.valueOut = true;
        else if (v === 'false' || v === '0') this.valueOut = false;
        else {
          this.valueOut = raw;
          this.typeOut = 'string';
          return true;
        }
        this.typeOut = 'boolean';
        return true;
      }
      default:
        return false;
    }
  }

  private finishEvent(): void {
    this.eventsRead++;
    const line = this.eventLine;
    let reject: string | null = null;
    const activity = this.activity;
    if (this.orphanEvent) reject = 'event is outside any <trace>, so it belongs to no case';
    else if (activity === null || activity === '') reject = 'event has no concept:name (activity)';
    else if (!this.hasTimestamp) reject = 'event has no time:timestamp';
    else if (!this.timestampIsText && Number.isNaN(this.timestamp)) reject = `time:timestamp "${clip(this.timestampText ?? '')}" is not a valid XES date`;

    if (this.timestampIsText && reject === null) {
      this.stringTimestampCount++;
      if (!this.stringFormatSettled) {
        if (this.stringSamples.length < STRING_TIMESTAMP_SAMPLES) this.stringSamples.push(this.timestampText ?? '');
        this.deferred ??= [];
      } else this.timestamp = this.readTextTimestamp(this.timestampText ?? '');
    }

    if (this.deferred !== null) {
      const n = this.eventAttributeCount;
      this.deferred.push({
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
      if (this.deferred.length >= DEFERRED_EVENT_LIMIT || this.stringSamples.length >= STRING_TIMESTAMP_SAMPLES) this.settleStringFormat();
      return;
    }

    if (reject === null && Number.isNaN(this.timestamp)) reject = this.textTimestampReason(this.timestampText ?? '');
    if (reject !== null) {
      this.reject(line, reject);
      return;
    }
    const builder = this.builder;
    // The trace's case index is already known: no dictionary lookup of the case id per event.
    builder.addEventByCodes(this.caseIndex, builder.activityCode(activity!), this.timestamp, builder.resourceCode(this.resource), line);
    for (let i = 0; i < this.eventAttributeCount; i++) this.builder.setEventAttribute(this.eventHandles[i], this.eventValues[i], this.eventTypes[i]);
  }

  private readTextTimestamp(text: string): number {
    return this.stringFormat === null ? NaN : this.stringFormat.parse(text);
  }

  private textTimestampReason(text: string): string {
    return this.stringFormat === null
      ? `time:timestamp "${clip(text)}" is text in no date format Gemba recognises`
      : `time:timestamp "${clip(text)}" does not match the format of the file's other timestamps (${this.stringFormat.label})`;
  }

  /** Infers the text timestamp format from the samples and replays the held-back events. */
  settleStringFormat(): void {
    if (this.stringFormatSettled) return;
    this.stringFormatSettled = true;
    this.stringFormat = this.stringSamples.length === 0 ? null : inferStringTimestampFormat(this.stringSamples, this.timeZone);
    const held = this.deferred ?? [];
    this.deferred = null;
    for (const e of held) {
      let reject = e.reject;
      let timestamp = e.timestamp;
      if (reject === null && e.timestampText !== null) {
        timestamp = this.readTextTimestamp(e.timestampText);
        if (Number.isNaN(timestamp)) reject = this.textTimestampReason(e.timestampText);
      }
      if (reject !== null) {
        this.reject(e.line, reject);
        continue;
      }
      this.builder.addEvent(e.caseId, e.activity, timestamp, e.resource, e.line);
      for (let i = 0; i < e.handles.length; i++) this.builder.setEventAttribute(e.handles[i], e.values[i], e.types[i]);
    }
  }

  private reject(line: number, reason: string): void {
    this.rejectedCount++;
    if (this.rejected.length < REJECTED_SAMPLE_LIMIT) this.rejected.push({ line, reason });
  }

  notes(): string[] {
    const notes: string[] = [];
    if (this.stringTimestampCount > 0) {
      notes.push(
        this.stringFormat === null
          ? `time:timestamp is stored as text in ${this.stringTimestampCount} events, in no date format Gemba recognises.`
          : `time:timestamp is stored as text in ${this.stringTimestampCount} events; read as ${this.stringFormat.label}` +
              (this.stringFormat.hasOffset ? '.' : ` in time zone ${this.timeZone}.`),
      );
      if (this.stringFormat?.note) notes.push(this.stringFormat.note);
    }
    if (this.naiveDates > 0) notes.push(`${this.naiveDates} date values carry no time-zone offset; they were read in time zone ${this.timeZone}.`);
    if (this.duplicateTraces > 0)
      notes.push(`${this.duplicateTraces} traces repeat the concept:name of an earlier trace; their events were joined to that case.`);
    if (this.emptyTraces > 0) notes.push(`${this.emptyTraces} traces contain no events and were left out.`);
    if (this.lateTraceNames > 0)
      notes.push(`${this.lateTraceNames} traces give their concept:name after their first event; those cases keep the generated id "trace-<n>".`);
    if (this.skippedLists.size > 0)
      notes.push(`List attributes were skipped (a list has no single value): ${[...this.skippedLists].join(', ')}.`);
    if (this.metaAttributesSkipped > 0) notes.push(`${this.metaAttributesSkipped} attributes carry nested meta-attributes; the meta-attributes were skipped.`);
    const dropped = this.builder.droppedAttributesNote();
    if (dropped) notes.push(dropped);
    return notes;
  }
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

type TextEncodingName = 'utf8' | 'utf16le' | 'latin1';

/** The encoding from a BOM or the XML declaration; XES is UTF-8 unless it says otherwise. */
function sniffEncoding(head: Buffer): TextEncodingName {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  const declaration = head.subarray(0, 200).toString('latin1');
  const match = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(declaration);
  if (match && /^(iso-?8859-1|latin-?1|windows-1252|cp1252|us-ascii)$/i.test(match[1])) return 'latin1';
  return 'utf8';
}

function notXml(fileName: string, what: string): InputError {
  return new InputError(`${what} This file is not XML, so it cannot be an XES log.`, {
    file: fileName,
    line: 1,
    column: 1,
    hint: 'If it is a CSV export, rename it to .csv and import it as CSV; otherwise export the log again as XES.',
  });
}

/** Reads an XES or gzipped XES file into an event log. */
export async function parseXesLog(path: string, ctx: ImportContext, options: XesImportOptions = {}): Promise<ParsedLog> {
  const file = ctx.fileName;
  const checkedZone = (zone: string): string => {
    if (!isValidTimeZone(zone)) {
      throw new InputError(`Unknown time zone "${zone}".`, { file, hint: 'Use an IANA name such as Europe/Amsterdam, or an offset such as +01:00.' });
    }
    return zone;
  };
  let timeZone = options.timezone === undefined ? null : checkedZone(options.timezone);
  const zone = () => (timeZone ??= checkedZone(machineTimeZone()));
  let resolveWallClock: ((wallMs: number) => number) | null = null;
  const maxPendingText = options.maxPendingTextChars ?? MAX_PENDING_TEXT_CHARS;
  throwIfCancelled(ctx.signal);

  let reader: XesLogReader | null = null;
  const naive: NaiveTimeReader = (wall) => {
    reader!.naiveDates++;
    resolveWallClock ??= wallClockResolver(zone());
    return resolveWallClock(wall);
  };
  reader = new XesLogReader(naive, zone);
  const r = reader;

  const input = await openMaybeGzipped(path, { fileName: file, maxDecompressedBytes: ctx.maxDecompressedBytes });
  const total = input.fileSize;
  let tokenizer: XesTokenizer | null = null;
  /** Only for UTF-16: the tokenizer reads bytes in UTF-8 or Latin-1, so UTF-16 is decoded to text first. */
  let utf16: StringDecoder | null = null;
  let lastProgress = 0;
  let prologBytes = 0;
  let sawText = false;

  const asInputError = (error: unknown): unknown => {
    if (error instanceof InputError) {
      if (error.details.file === undefined) return new InputError(error.message, { ...error.details, file });
      return error;
    }
    if (!(error instanceof XmlSyntaxError)) return error;
    if (!r.sawRoot) return notXml(file, `It is not well-formed XML (${error.reason}).`);
    return new InputError(`The XES file is not well-formed XML here: ${error.reason}.`, {
      file,
      line: error.line,
      column: error.column,
      hint: 'The file may be damaged or cut short; export it again.',
    });
  };

  /** Until the first non-blank character: it must be "<", or this is not XML at all. */
  const checkStart = (text: Uint8Array | string, from: number) => {
    const first = firstNonSpace(text, from);
    if (first < 0) return;
    sawText = true;
    const c = typeof text === 'string' ? text.charCodeAt(first) : text[first];
    if (c !== 0x3c) throw notXml(file, 'It does not start with "<".');
  };

  try {
    for await (const chunk of input.chunks) {
      throwIfCancelled(ctx.signal);
      if (tokenizer === null) {
        const encoding = sniffEncoding(chunk);
        if (encoding === 'utf16le') {
          utf16 = new StringDecoder('utf16le');
          tokenizer = new XesTokenizer(r, { maxPendingChars: maxPendingText });
        } else tokenizer = new XesTokenizer(r, { encoding, maxPendingChars: maxPendingText });
        if (utf16 !== null) {
          let text = utf16.write(chunk);
          if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
          checkStart(text, 0);
          tokenizer.write(text);
        } else {
          const bom = encoding === 'utf8' && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
          const body = bom > 0 ? chunk.subarray(bom) : chunk;
          checkStart(body, 0);
          tokenizer.write(body);
        }
      } else {
        const text = utf16 !== null ? utf16.write(chunk) : chunk;
        if (!sawText) checkStart(text, 0);
        tokenizer.write(text);
      }
      if (!r.sawRoot) {
        prologBytes += chunk.length;
        if (prologBytes > MAX_PROLOG_CHARS) {
          throw new InputError('No XES <log> element in the first 64 MB of the file.', { file, line: tokenizer.line, hint: 'Check that this is an XES export.' });
        }
      }
      const done = input.fileBytesRead();
      if (done - lastProgress >= PROGRESS_EVERY_BYTES) {
        lastProgress = done;
        ctx.onProgress?.(done, total);
      }
    }
    if (utf16 !== null) tokenizer?.write(utf16.end());
  } catch (error) {
    throw asInputError(error);
  }

  if (!sawText || tokenizer === null) {
    throw new InputError('The file is empty.', { file, line: 1, hint: 'Choose the XES export itself, not an empty placeholder.' });
  }
  // The tokenizer's complaint about the end is kept for last: for a cut file, the messages below say more.
  let endError: XmlSyntaxError | null = null;
  try {
    tokenizer.end();
  } catch (error) {
    if (error instanceof XmlSyntaxError && error.truncated) endError = error;
    else throw asInputError(error);
  }
  if (!r.sawRoot) {
    throw new InputError('The file contains no XES <log> element.', { file, line: tokenizer.line, hint: 'Check that this is an XES export.' });
  }
  if (!r.closedRoot) {
    throw new InputError(`The XES file ends before </log> — it looks truncated (it stops ${r.whereInLog()}).`, {
      file,
      line: tokenizer.line,
      hint: 'Copy or export the file again; the end of it is missing.',
    });
  }
  if (endError !== null) throw asInputError(endError);
  r.settleStringFormat();
  ctx.onProgress?.(total, total);

  const log = r.builder.finish();
  return {
    log,
    rowsRead: r.eventsRead,
    rejectedCount: r.rejectedCount,
    rejected: r.rejected,
    mapping: null,
    notes: input.gzipped ? ['The file is gzip-compressed; it was unpacked while reading.', ...r.notes()] : r.notes(),
  };
}

function firstNonSpace(text: Uint8Array | string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = typeof text === 'string' ? text.charCodeAt(i) : text[i];
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return i;
  }
  return -1;
}
