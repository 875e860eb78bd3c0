import type { AttributeType, NumberFormat, RejectedRow } from '../../../../preload/api.ts';
import { InputError } from '../../errors.ts';
import { EventLogBuilder, type AttributeHandle } from '../../eventlog/index.ts';
import { REJECTED_SAMPLE_LIMIT } from '../parsed-log.ts';
import {
  timestampBytesParser,
  timestampParser,
  type TimestampBytesParser,
  type TimestampTextParser,
} from '../timestamps/index.ts';
import { ByteInterner } from './byte-interner.ts';
import type { CsvHead } from './csv-head.ts';
import type { CsvFields, CsvRowSink } from './csv-fields.ts';
import { ESCAPED } from './csv-tokenizer.ts';
import { FieldCodes } from './field-codes.ts';
import { FieldDecoder } from './field-decoder.ts';
import { clip, type ImportPlan } from './import-plan.ts';
import { describeNumberFormat, parseNumberText } from './number-format.ts';
import { readBoolean, readNumber } from './value-readers.ts';

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

/** What a parse of the rows leaves: the reader (with its builder) and the row counts. */
export interface RowsOutcome {
  reader: CsvEventReader;
  rowsRead: number;
  rejectedCount: number;
  rejected: RejectedRow[];
  invalidUtf8: boolean;
}

/** Receives rows from the tokenizer and adds events to the builder: the per-row hot path. */
export class CsvEventReader implements CsvRowSink {
  readonly builder = new EventLogBuilder();
  readonly decoder: FieldDecoder;
  rowsRead = 0;
  rejectedCount = 0;
  readonly rejected: RejectedRow[] = [];
  headerPending: boolean;
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
    /** False for a piece of the file after its start (parallel import): its first row is data. */
    hasHeader = head.hasHeader,
  ) {
    this.decoder = new FieldDecoder(head.dialect.encoding, head.dialect.quote.charCodeAt(0));
    this.decode = (bytes, start, end) => this.decoder.plain(bytes, start, end);
    this.headerPending = hasHeader;
    this.width = head.header.length;
    const builder = this.builder;
    this.cases = new FieldCodes(new ByteInterner(this.decode), this.decode, {
      codeOf: (id) => builder.caseIndex(id),
      addNew: (id) => builder.addCase(id),
      size: () => builder.caseCount,
    });
    this.activities = new FieldCodes(new ByteInterner(this.decode), this.decode, {
      codeOf: (name) => builder.activityCode(name),
    });
    this.resources = new FieldCodes(new ByteInterner(this.decode), this.decode, {
      codeOf: (name) => builder.resourceCode(name),
    });
    const zone = plan.mapping.timezone!;
    this.timestampBytes = timestampBytesParser(plan.mapping.timestampFormat!, zone);
    this.timestampText = timestampParser(plan.mapping.timestampFormat!, zone);
    const startFormat =
      plan.startColumn >= 0
        ? (head.columns[plan.startColumn].timestampFormat?.id ?? plan.mapping.timestampFormat!)
        : null;
    this.startBytes = startFormat ? timestampBytesParser(startFormat, zone) : null;
    this.startText = startFormat ? timestampParser(startFormat, zone) : null;
    const readers = plan.attributes.map((a): AttributeReader => {
      const format = a.type === 'date' ? (head.columns[a.column].timestampFormat?.id ?? null) : null;
      const type = a.type === 'date' && !format ? 'string' : a.type;
      const handle = a.ofCase
        ? this.builder.caseAttribute(a.name, a.type)
        : this.builder.eventAttribute(a.name, a.type);
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
        textCodes:
          a.type === 'string' && !a.ofCase && handle.index >= 0
            ? new FieldCodes(strings, this.decode, {
                codeOf: (text) => this.builder.eventAttributeTextCode(handle, text),
              })
            : null,
        date: format ? timestampBytesParser(format, zone) : null,
      };
    });
    this.eventAttributes = readers.filter((r) => !r.ofCase);
    this.caseAttributes = readers.filter((r) => r.ofCase);
    this.numberAttributes = readers.filter((r) => r.type === 'number');
  }

  oversized(line: number, reason: string): void {
    if (this.headerPending) {
      throw new InputError(`The header line is too long: ${reason}.`, {
        file: this.fileName,
        line,
        hint: 'Check that this is a CSV file with a header line.',
      });
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
    const timestamp =
      kinds[k] === ESCAPED
        ? this.timestampText(this.decoder.text(bytes, starts[k], ends[k], ESCAPED))
        : this.timestampBytes(bytes, starts[k], ends[k]);
    if (timestamp !== timestamp) {
      const text = this.decoder.text(bytes, starts[k], ends[k], kinds[k]);
      this.reject(
        line,
        `timestamp "${clip(text)}" in column "${plan.mapping.timestamp}" does not match ${plan.timestampLabel}`,
      );
      return;
    }

    let start = NaN;
    k = plan.startColumn;
    if (k >= 0 && !isBlank(bytes, starts[k], ends[k])) {
      start =
        kinds[k] === ESCAPED
          ? this.startText!(this.decoder.text(bytes, starts[k], ends[k], ESCAPED))
          : this.startBytes!(bytes, starts[k], ends[k]);
      if (start !== start) {
        const text = this.decoder.text(bytes, starts[k], ends[k], kinds[k]);
        this.reject(
          line,
          `start timestamp "${clip(text)}" in column "${plan.mapping.startTimestamp}" does not match ${plan.startLabel}`,
        );
        return;
      }
    }

    if (this.numberAttributes.length > 0 && !this.readNumbers(bytes, f, line)) return;

    // Codes only once the row is known good, so a rejected row adds no case or activity.
    k = plan.caseColumn;
    const caseIndex =
      kinds[k] === ESCAPED
        ? this.cases.codeOfText(this.decoder.text(bytes, starts[k], ends[k], ESCAPED))
        : this.cases.code(bytes, starts[k], ends[k]);
    k = plan.activityColumn;
    const activity =
      kinds[k] === ESCAPED
        ? this.activities.codeOfText(this.decoder.text(bytes, starts[k], ends[k], ESCAPED))
        : this.activities.code(bytes, starts[k], ends[k]);
    let resource = -1;
    k = plan.resourceColumn;
    if (k >= 0 && starts[k] !== ends[k]) {
      resource =
        kinds[k] === ESCAPED
          ? this.resources.codeOfText(this.decoder.text(bytes, starts[k], ends[k], ESCAPED))
          : this.resources.code(bytes, starts[k], ends[k]);
    }

    const builder = this.builder;
    builder.addEventByCodes(caseIndex, activity, timestamp, resource, line, start);
    const attributes = this.eventAttributes;
    for (let a = 0; a < attributes.length; a++) this.setAttribute(attributes[a], bytes, f, -1);
    if (this.caseAttributes.length > 0) {
      if (caseIndex === this.knownCases) {
        this.knownCases++;
        const readers = this.caseAttributes;
        for (let a = 0; a < readers.length; a++) this.setAttribute(readers[a], bytes, f, caseIndex);
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
    // Indexed loops on the per-row path: an iterator here was a heap object per row.
    const readers = this.numberAttributes;
    for (let r = 0; r < readers.length; r++) {
      const reader = readers[r];
      const k = reader.column;
      const s = f.starts[k];
      const e = f.ends[k];
      const kind = f.kinds[k];
      reader.numberValue = NaN;
      if (s === e) continue;
      const v =
        kind !== ESCAPED && reader.decimalByte >= 0
          ? readNumber(bytes, s, e, reader.decimalByte)
          : parseNumberText(this.decoder.text(bytes, s, e, kind), reader.numberFormat!);
      if (v === v) {
        reader.numberValue = v;
        continue;
      }
      const text = this.decoder.text(bytes, s, e, kind);
      if (text.trim() === '') continue;
      this.reject(
        line,
        `"${clip(text)}" in column "${reader.columnName}" is not a number (read with ${describeNumberFormat(reader.numberFormat!)})`,
      );
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
