import { open } from 'node:fs/promises';
import type { AttributeType, ColumnMapping, NumberFormat, RejectedRow } from '../../../../preload/api.ts';
import { InputError, throwIfCancelled } from '../../errors.ts';
import { EventLogBuilder, type AttributeHandle } from '../../eventlog/index.ts';
import { REJECTED_SAMPLE_LIMIT, type ImportContext, type ParsedLog } from '../parsed-log.ts';
import {
  inferTimestampFormat,
  isValidTimeZone,
  knownTimestampFormats,
  machineTimeZone,
  resolveTimestampFormatId,
  timestampBytesParser,
  timestampParser,
  type TimestampBytesParser,
  type TimestampTextParser,
} from '../timestamps/index.ts';
import { ByteInterner } from './byte-interner.ts';
import { FieldCodes } from './field-codes.ts';
import { suggestMapping } from './column-mapping.ts';
import { analyzeHead, readHead, type CsvHead } from './csv-head.ts';
import { CsvTokenizer, ESCAPED, type CsvFields, type CsvRowSink } from './csv-tokenizer.ts';
import { FieldDecoder } from './field-decoder.ts';
import { checkNumberFormat, describeNumberFormat, detectNumberFormat, numberFormatNote, parseNumberText } from './number-format.ts';
import { readBoolean, readNumber } from './value-readers.ts';

const CHUNK_BYTES = 1 << 20;
/** CSV columns named `case:xxx` (PM4Py's flattening of XES trace attributes) are case attributes. */
const CASE_PREFIX = 'case:';

/**
 * Streams a CSV file into an event log. Parts of `mapping` left out are inferred from the head
 * of the file, as the preview does. Rows that cannot be read are set aside with their line and
 * reason; problems with the file as a whole throw InputError.
 */
export async function parseCsvLog(path: string, mapping: Partial<ColumnMapping>, ctx: ImportContext): Promise<ParsedLog> {
  throwIfCancelled(ctx.signal);
  const { head, fileSize } = await readHead(path);
  const analysis = analyzeHead(head, fileSize, ctx.fileName);
  const plan = planImport(analysis, mapping, ctx.fileName);
  const reader = new CsvEventReader(analysis, plan, ctx.fileName);
  const tokenizer = new CsvTokenizer(analysis.dialect.delimiter.charCodeAt(0), analysis.dialect.quote.charCodeAt(0), reader, ctx.fileName);

  // Read straight into the tokenizer's buffer (no per-chunk allocation), after the BOM.
  const file = await open(path, 'r');
  try {
    let position = analysis.dialect.bomLength;
    for (;;) {
      throwIfCancelled(ctx.signal);
      const target = tokenizer.reserve(CHUNK_BYTES);
      const { bytesRead } = await file.read(target, tokenizer.fillOffset, CHUNK_BYTES, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      tokenizer.commit(bytesRead);
      ctx.onProgress?.(position, fileSize);
    }
  } finally {
    await file.close();
  }
  tokenizer.finish();
  throwIfCancelled(ctx.signal);

  if (reader.rowsRead === 0) {
    throw new InputError('The file has a header line but no rows of data.', { file: ctx.fileName, line: 2, hint: 'Export the log again with its events, or choose another file.' });
  }
  const notes = [...plan.notes];
  const dropped = reader.builder.droppedAttributesNote();
  if (dropped) notes.push(dropped);
  if (reader.decoder.invalidUtf8) {
    notes.push('Some bytes further into the file are not valid UTF-8; they show as �. Save the file as UTF-8 and import again to keep those characters.');
  }
  return {
    log: reader.builder.finish(),
    rowsRead: reader.rowsRead,
    rejectedCount: reader.rejectedCount,
    rejected: reader.rejected,
    mapping: plan.mapping,
    notes,
  };
}

interface AttributePlan {
  column: number;
  name: string;
  type: AttributeType;
  ofCase: boolean;
  /** Number columns: how their numbers are written. */
  numberFormat: NumberFormat | null;
}

interface ImportPlan {
  mapping: ColumnMapping;
  caseColumn: number;
  activityColumn: number;
  timestampColumn: number;
  resourceColumn: number;
  startColumn: number;
  timestampLabel: string;
  startLabel: string;
  attributes: AttributePlan[];
  notes: string[];
}

/** The mapping completed and checked against the header. */
function planImport(head: CsvHead, given: Partial<ColumnMapping>, file: string): ImportPlan {
  const header = head.header;
  const indexOf = (name: string, role: string): number => {
    const k = header.indexOf(name);
    if (k < 0) {
      throw new InputError(`Column "${name}" (chosen as ${role}) is not in the header.`, {
        file,
        line: 1,
        hint: `The header has: ${header.map((h) => `"${h}"`).join(', ')}. Choose one of these.`,
      });
    }
    return k;
  };
  for (const [role, name] of [['case', given.case], ['activity', given.activity], ['timestamp', given.timestamp], ['resource', given.resource], ['start timestamp', given.startTimestamp]] as const) {
    if (name) indexOf(name, role);
  }
  for (const a of given.attributes ?? []) indexOf(a.name, 'attribute');

  const timezone = given.timezone || machineTimeZone();
  if (!isValidTimeZone(timezone)) {
    throw new InputError(`Unknown time zone "${timezone}".`, { file, hint: 'Use an IANA zone name such as Europe/Berlin or America/New_York, or an offset such as +01:00.' });
  }
  const suggestion = suggestMapping(head.columns, timezone);
  const s = suggestion.mapping;
  const caseName = given.case || s.case;
  const activityName = given.activity || s.activity;
  const timestampName = given.timestamp || s.timestamp;
  const resourceName = given.resource !== undefined ? given.resource || null : s.resource ?? null;
  const startName = given.startTimestamp !== undefined ? given.startTimestamp || null : s.startTimestamp ?? null;
  if (!timestampName) {
    const formats = knownTimestampFormats().map((f) => f.pattern).join(', ');
    throw new InputError('No column looks like timestamps, so events cannot be put in order.', {
      file,
      line: 1,
      hint: `Choose the timestamp column and its format (on the command line: --timestamp COLUMN --timestamp-format FORMAT). Formats Gemba reads: ${formats}.`,
    });
  }
  if (!caseName) throw new InputError('No column could be taken as the case id.', { file, line: 1, hint: 'Choose the case column (on the command line: --case COLUMN).' });
  if (!activityName) throw new InputError('No column could be taken as the activity.', { file, line: 1, hint: 'Choose the activity column (on the command line: --activity COLUMN).' });

  const caseColumn = indexOf(caseName, 'case');
  const activityColumn = indexOf(activityName, 'activity');
  const timestampColumn = indexOf(timestampName, 'timestamp');
  const resourceColumn = resourceName ? indexOf(resourceName, 'resource') : -1;
  const startColumn = startName ? indexOf(startName, 'start timestamp') : -1;

  const notes = [...head.notes];
  // Say how the roles the user left open were chosen.
  const inferred = [!given.activity && 'Activity:', !given.case && 'Case:', given.resource === undefined && 'Resource:'].filter(Boolean) as string[];
  notes.push(...suggestion.notes.filter((n) => inferred.some((prefix) => n.startsWith(prefix))));
  const formatOf = (column: number, chosen: string | null | undefined, role: string): { id: string; label: string; hasOffset: boolean } => {
    const profile = head.columns[column];
    const values = head.rows.map((r) => r[column] ?? '');
    if (chosen) {
      const id = resolveTimestampFormatId(chosen);
      if (!id) {
        const formats = knownTimestampFormats().map((f) => `${f.id} (${f.pattern})`).join(', ');
        throw new InputError(`Unknown timestamp format "${chosen}".`, { file, hint: `Use one of: ${formats}.` });
      }
      const guess = inferTimestampFormat(values);
      const label = guess?.id === id ? guess.label : knownTimestampFormats().find((f) => f.id === id)!.pattern;
      notes.push(`${role} in "${profile.name}" read as ${label}, as chosen.`);
      return { id, label, hasOffset: guess?.id === id ? guess.hasOffset : false };
    }
    const guess = profile.timestampFormat ?? inferTimestampFormat(values);
    if (!guess) {
      const example = values.find((v) => v.trim() !== '') ?? '';
      throw new InputError(`Column "${profile.name}" does not look like timestamps: no known format reads values such as "${clip(example)}".`, {
        file,
        line: 1,
        hint: `Choose another column, or the format (${knownTimestampFormats().map((f) => f.pattern).join(', ')}).`,
      });
    }
    const share = Math.round(guess.parsedShare * 100);
    notes.push(`${role} in "${profile.name}" read as ${guess.label}${share < 100 ? ` (${share}% of the sampled values; the others will be rejected)` : ''}.`);
    if (guess.note) notes.push(guess.note);
    return guess;
  };
  const timestampFormat = formatOf(timestampColumn, given.timestampFormat, 'Timestamps');
  const startFormat = startColumn >= 0 ? formatOf(startColumn, null, 'Start timestamps') : null;
  if (!timestampFormat.hasOffset || (startFormat && !startFormat.hasOffset)) {
    notes.push(`Timestamps without an offset are read as ${timezone} time${given.timezone ? '' : " (this machine's zone)"}.`);
  }

  const roles = new Set([caseColumn, activityColumn, timestampColumn, resourceColumn, startColumn]);
  const attributeList = given.attributes ?? head.columns.filter((c) => !roles.has(c.index)).map((c) => ({ name: c.name, type: c.inferredType }));
  const attributes: AttributePlan[] = attributeList.map((a) => {
    const ofCase = a.name.startsWith(CASE_PREFIX) && a.name.length > CASE_PREFIX.length;
    const column = header.indexOf(a.name);
    const numberFormat = a.type === 'number' ? numberFormatOf(head, column, 'numberFormat' in a ? a.numberFormat : undefined, notes, file) : null;
    return { column, name: ofCase ? a.name.slice(CASE_PREFIX.length) : a.name, type: a.type, ofCase, numberFormat };
  });

  return {
    mapping: {
      case: caseName,
      activity: activityName,
      timestamp: timestampName,
      resource: resourceName,
      startTimestamp: startName,
      timestampFormat: timestampFormat.id,
      timezone,
      attributes: attributes.map((a, i) => ({ name: attributeList[i].name, type: a.type, ...(a.numberFormat ? { numberFormat: a.numberFormat } : {}) })),
    },
    caseColumn,
    activityColumn,
    timestampColumn,
    resourceColumn,
    startColumn,
    timestampLabel: timestampFormat.label,
    startLabel: startFormat?.label ?? '',
    attributes,
    notes,
  };
}

/**
 * How a number column's values are written: as chosen, else as its profile detected, else (a
 * column the user typed number though not every sampled value reads) the convention that reads
 * most of them. Every choice is explained in a note.
 */
function numberFormatOf(head: CsvHead, column: number, chosen: unknown, notes: string[], file: string): NumberFormat {
  const name = head.header[column];
  if (chosen !== undefined && chosen !== null) {
    const format = checkNumberFormat(chosen, name, file);
    notes.push(`Numbers in "${name}" are read with ${describeNumberFormat(format)}, as chosen.`);
    return format;
  }
  const values = head.rows.map((r) => (r[column] ?? '').trim()).filter((v) => v !== '');
  const guess = detectNumberFormat(values, head.dialect.delimiter);
  const format = guess.format;
  const note = numberFormatNote(name, guess, head.dialect.delimiter);
  if (note) notes.push(note);
  if (guess.readShare < 1 && values.length > 0) {
    const unread = values.find((v) => parseNumberText(v, format) !== parseNumberText(v, format));
    notes.push(`Column "${name}" is read as numbers, but ${Math.round((1 - guess.readShare) * 100)}% of its sampled values (such as "${clip(unread ?? '')}") are not numbers: their rows will be rejected.`);
  }
  return format;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

interface AttributeReader {
  column: number;
  /** The header name, for rejection reasons. */
  columnName: string;
  type: AttributeType;
  /** Number columns: the convention, the decimal mark's byte when bytes read directly, and the value of the current row (NaN: empty). */
  numberFormat: NumberFormat | null;
  decimalByte: number;
  numberValue: number;
  handle: AttributeHandle;
  ofCase: boolean;
  strings: ByteInterner;
  /** For text event attributes: dictionary codes by bytes, so a repeated value costs one hash. */
  textCodes: FieldCodes | null;
  date: TimestampBytesParser | null;
}

/** Receives rows from the tokenizer and adds events to the builder: the per-row hot path. */
class CsvEventReader implements CsvRowSink {
  readonly builder = new EventLogBuilder();
  readonly decoder: FieldDecoder;
  rowsRead = 0;
  rejectedCount = 0;
  readonly rejected: RejectedRow[] = [];
  private headerPending: boolean;
  private readonly width: number;
  private readonly cases: FieldCodes;
  private readonly activities: FieldCodes;
  private readonly resources: FieldCodes;
  private readonly timestampBytes: TimestampBytesParser;
  private readonly timestampText: TimestampTextParser;
  private readonly startBytes: TimestampBytesParser | null;
  private readonly startText: TimestampTextParser | null;
  private readonly eventAttributes: AttributeReader[];
  private readonly caseAttributes: AttributeReader[];
  private readonly numberAttributes: AttributeReader[];
  private knownCases = 0;
  private readonly decode: (bytes: Buffer, start: number, end: number) => string;

  constructor(
    head: CsvHead,
    private readonly plan: ImportPlan,
    private readonly fileName: string,
  ) {
    this.decoder = new FieldDecoder(head.dialect.encoding, head.dialect.quote.charCodeAt(0));
    this.decode = (bytes, start, end) => this.decoder.plain(bytes, start, end);
    this.headerPending = head.hasHeader;
    this.width = head.header.length;
    const builder = this.builder;
    this.cases = new FieldCodes(new ByteInterner(this.decode), this.decode, (id) => builder.caseIndex(id));
    this.activities = new FieldCodes(new ByteInterner(this.decode), this.decode, (name) => builder.activityCode(name));
    this.resources = new FieldCodes(new ByteInterner(this.decode), this.decode, (name) => builder.resourceCode(name));
    const zone = plan.mapping.timezone!;
    this.timestampBytes = timestampBytesParser(plan.mapping.timestampFormat!, zone);
    this.timestampText = timestampParser(plan.mapping.timestampFormat!, zone);
    const startFormat = plan.startColumn >= 0 ? head.columns[plan.startColumn].timestampFormat?.id ?? plan.mapping.timestampFormat! : null;
    this.startBytes = startFormat ? timestampBytesParser(startFormat, zone) : null;
    this.startText = startFormat ? timestampParser(startFormat, zone) : null;
    const readers = plan.attributes.map((a): AttributeReader => {
      const format = a.type === 'date' ? head.columns[a.column].timestampFormat?.id ?? null : null;
      const type = a.type === 'date' && !format ? 'string' : a.type;
      const handle = a.ofCase ? this.builder.caseAttribute(a.name, a.type) : this.builder.eventAttribute(a.name, a.type);
      const strings = new ByteInterner(this.decode, 1 << 16);
      const numbers = a.numberFormat;
      return {
        column: a.column,
        columnName: head.header[a.column],
        type,
        numberFormat: numbers,
        // Thousands separators need the text path; a bare decimal mark the byte reader handles.
        decimalByte: numbers && numbers.thousands === '' ? numbers.decimal.charCodeAt(0) : -1,
        numberValue: NaN,
        handle,
        ofCase: a.ofCase,
        strings,
        textCodes: a.type === 'string' && !a.ofCase && handle.index >= 0 ? new FieldCodes(strings, this.decode, (text) => this.builder.eventAttributeTextCode(handle, text)) : null,
        date: format ? timestampBytesParser(format, zone) : null,
      };
    });
    this.eventAttributes = readers.filter((r) => !r.ofCase);
    this.caseAttributes = readers.filter((r) => r.ofCase);
    this.numberAttributes = readers.filter((r) => r.type === 'number');
  }

  oversized(line: number, reason: string): void {
    if (this.headerPending) {
      throw new InputError(`The header line is too long: ${reason}.`, { file: this.fileName, line, hint: 'Check that this is a CSV file with a header line.' });
    }
    this.rowsRead++;
    this.reject(line, reason);
  }

  row(bytes: Buffer, f: CsvFields, line: number): void {
    const starts = f.starts;
    const ends = f.ends;
    const kinds = f.kinds;
    if (f.count === 1 && starts[0] === ends[0] && kinds[0] !== ESCAPED) return; // blank line
    if (this.headerPending) {
      this.headerPending = false;
      return;
    }
    this.rowsRead++;
    const plan = this.plan;
    if (f.count !== this.width) {
      this.reject(line, `row has ${f.count} fields, the header has ${this.width}`);
      return;
    }

    let k = plan.caseColumn;
    if (isBlank(bytes, starts[k], ends[k])) {
      this.reject(line, `case id is empty (column "${plan.mapping.case}")`);
      return;
    }

    k = plan.activityColumn;
    if (isBlank(bytes, starts[k], ends[k])) {
      this.reject(line, `activity is empty (column "${plan.mapping.activity}")`);
      return;
    }

    k = plan.timestampColumn;
    if (isBlank(bytes, starts[k], ends[k])) {
      this.reject(line, `timestamp is empty (column "${plan.mapping.timestamp}")`);
      return;
    }
    const timestamp = kinds[k] === ESCAPED ? this.timestampText(this.decoder.text(bytes, starts[k], ends[k], ESCAPED)) : this.timestampBytes(bytes, starts[k], ends[k]);
    if (timestamp !== timestamp) {
      const text = this.decoder.text(bytes, starts[k], ends[k], kinds[k]);
      this.reject(line, `timestamp "${clip(text)}" in column "${plan.mapping.timestamp}" does not match ${plan.timestampLabel}`);
      return;
    }

    let start = NaN;
    k = plan.startColumn;
    if (k >= 0 && !isBlank(bytes, starts[k], ends[k])) {
      start = kinds[k] === ESCAPED ? this.startText!(this.decoder.text(bytes, starts[k], ends[k], ESCAPED)) : this.startBytes!(bytes, starts[k], ends[k]);
      if (start !== start) {
        const text = this.decoder.text(bytes, starts[k], ends[k], kinds[k]);
        this.reject(line, `start timestamp "${clip(text)}" in column "${plan.mapping.startTimestamp}" does not match ${plan.startLabel}`);
        return;
      }
    }

    if (this.numberAttributes.length > 0 && !this.readNumbers(bytes, f, line)) return;

    // Codes only once the row is known good, so a rejected row adds no case or activity.
    k = plan.caseColumn;
    const caseIndex = kinds[k] === ESCAPED ? this.cases.codeOfText(this.decoder.text(bytes, starts[k], ends[k], ESCAPED)) : this.cases.code(bytes, starts[k], ends[k]);
    k = plan.activityColumn;
    const activity = kinds[k] === ESCAPED ? this.activities.codeOfText(this.decoder.text(bytes, starts[k], ends[k], ESCAPED)) : this.activities.code(bytes, starts[k], ends[k]);
    let resource = -1;
    k = plan.resourceColumn;
    if (k >= 0 && starts[k] !== ends[k]) {
      resource = kinds[k] === ESCAPED ? this.resources.codeOfText(this.decoder.text(bytes, starts[k], ends[k], ESCAPED)) : this.resources.code(bytes, starts[k], ends[k]);
    }

    const builder = this.builder;
    builder.addEventByCodes(caseIndex, activity, timestamp, resource, line, start);
    const attributes = this.eventAttributes;
    for (let a = 0; a < attributes.length; a++) this.setAttribute(attributes[a], bytes, f, -1);
    if (this.caseAttributes.length > 0) {
      if (caseIndex === this.knownCases) {
        this.knownCases++;
        for (const reader of this.caseAttributes) this.setAttribute(reader, bytes, f, caseIndex);
      }
    }
  }

  private setAttribute(reader: AttributeReader, bytes: Buffer, f: CsvFields, caseIndex: number): void {
    const k = reader.column;
    const s = f.starts[k];
    const e = f.ends[k];
    if (s === e) return;
    const kind = f.kinds[k];
    let value: string | number | boolean;
    let type: AttributeType = reader.type;
    switch (reader.type) {
      case 'number':
        if (reader.numberValue !== reader.numberValue) return; // blank
        value = reader.numberValue;
        break;
      case 'date': {
        const v = kind === ESCAPED ? NaN : reader.date!(bytes, s, e);
        if (v === v) value = v;
        else {
          value = this.decoder.text(bytes, s, e, kind);
          type = 'string';
        }
        break;
      }
      case 'boolean': {
        const text = kind === ESCAPED ? this.decoder.text(bytes, s, e, kind) : reader.strings.intern(bytes, s, e);
        const v = readBoolean(text);
        if (v === null) {
          value = text;
          type = 'string';
        } else value = v;
        break;
      }
      default:
        if (reader.textCodes !== null && kind !== ESCAPED) {
          this.builder.setEventAttributeCode(reader.handle, reader.textCodes.code(bytes, s, e));
          return;
        }
        value = kind === ESCAPED ? this.decoder.text(bytes, s, e, kind) : reader.strings.intern(bytes, s, e);
    }
    if (caseIndex < 0) this.builder.setEventAttribute(reader.handle, value, type);
    else this.builder.setCaseAttribute(caseIndex, reader.handle, value, type);
  }

  /**
   * Reads the row's number columns before anything is added: a value that is not a number in
   * a column typed number rejects the row (it must never turn into text unnoticed).
   */
  private readNumbers(bytes: Buffer, f: CsvFields, line: number): boolean {
    for (const reader of this.numberAttributes) {
      const k = reader.column;
      const s = f.starts[k];
      const e = f.ends[k];
      const kind = f.kinds[k];
      reader.numberValue = NaN;
      if (s === e) continue;
      const v = kind !== ESCAPED && reader.decimalByte >= 0 ? readNumber(bytes, s, e, reader.decimalByte) : parseNumberText(this.decoder.text(bytes, s, e, kind), reader.numberFormat!);
      if (v === v) {
        reader.numberValue = v;
        continue;
      }
      const text = this.decoder.text(bytes, s, e, kind);
      if (text.trim() === '') continue;
      this.reject(line, `"${clip(text)}" in column "${reader.columnName}" is not a number (read with ${describeNumberFormat(reader.numberFormat!)})`);
      return false;
    }
    return true;
  }

  private reject(line: number, reason: string): void {
    this.rejectedCount++;
    if (this.rejected.length < REJECTED_SAMPLE_LIMIT) this.rejected.push({ line, reason });
  }
}

function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] !== 32 && bytes[i] !== 9) return false;
  return true;
}
