import type { AttributeType } from '../../../preload/api.ts';
import type { AttributeColumn, EventLog } from './event-log.ts';
import { StringDictionary } from './dictionary.ts';
import { GrowableFloat64, GrowableInt32 } from './growable.ts';

/** A value as a parser hands it over; dates are epoch ms with type 'date'. */
export type RawValue = string | number | boolean | null | undefined;

/**
 * One attribute column being filled row by row. A column starts with the type its first value
 * suggests; a later value of another kind widens it to text, because a log that mixes `42` and
 * `"n/a"` in one attribute is text to the user.
 */
class AttributeColumnBuilder {
  private strings: GrowableInt32 | null = null;
  private dictionary: StringDictionary | null = null;
  private numbers: GrowableFloat64 | null = null;

  constructor(
    readonly name: string,
    public type: AttributeType,
  ) {
    if (type === 'string') {
      this.strings = new GrowableInt32();
      this.dictionary = new StringDictionary();
    } else this.numbers = new GrowableFloat64();
  }

  set(row: number, value: RawValue, type: AttributeType): void {
    if (value === null || value === undefined || value === '') return;
    if (type !== this.type && this.type !== 'string') this.widenToText();
    if (this.type === 'string') {
      const text = typeof value === 'string' ? value : formatValue(value, type);
      this.strings!.set(row, this.dictionary!.code(text), -1);
    } else {
      this.numbers!.set(row, typeof value === 'boolean' ? (value ? 1 : 0) : Number(value), NaN);
    }
  }

  /** Dictionary code of a text value in a text column (for parsers that keep codes per value). */
  textCode(text: string): number {
    if (this.type !== 'string') throw new Error(`attribute ${this.name} is not a text column`);
    return this.dictionary!.code(text);
  }

  setTextCode(row: number, code: number): void {
    this.strings!.set(row, code, -1);
  }

  finish(length: number, order: Int32Array | null): AttributeColumn {
    if (this.type === 'string') {
      const codes = this.strings!.toArray(length, -1);
      return { name: this.name, type: 'string', codes: order ? gatherInt32(codes, order) : codes, dictionary: this.dictionary!.values };
    }
    const values = this.numbers!.toArray(length, NaN);
    return { name: this.name, type: this.type as 'number' | 'date' | 'boolean', values: order ? gatherFloat64(values, order) : values };
  }

  /** The column's values in row order, for a builder that merges this one (see EventLogBuilder.toPart). */
  part(length: number): BuilderPartColumn {
    if (this.type === 'string') return { name: this.name, type: 'string', codes: this.strings!.toArray(length, -1), dictionary: this.dictionary!.values, values: null };
    return { name: this.name, type: this.type, codes: null, dictionary: null, values: this.numbers!.toArray(length, NaN) };
  }

  /**
   * Sets `count` rows from another builder's column of the same attribute: row `from[i]` (or
   * `i` when `from` is null) of `column` into row `base + i`, in order. Text codes are translated once per value, in the order
   * values first appear, so the dictionary grows exactly as if the rows had been set here; a type
   * mismatch goes through `set`, which widens as it would have.
   */
  appendPart(column: BuilderPartColumn, count: number, from: Int32Array | null, base: number): void {
    if (column.codes !== null) {
      const codes = column.codes;
      const dictionary = column.dictionary!;
      const map = new Int32Array(dictionary.length).fill(-1);
      if (from === null && this.type === 'string' && this.strings!.length <= base) {
        // Whole event columns: translate into one array and append it (no per-row bounds work).
        const mapped = new Int32Array(count);
        for (let i = 0; i < count; i++) {
          const c = codes[i];
          if (c < 0) mapped[i] = -1;
          else {
            let code = map[c];
            if (code < 0) code = map[c] = this.dictionary!.code(dictionary[c]);
            mapped[i] = code;
          }
        }
        if (this.strings!.length < base) this.strings!.set(base - 1, -1, -1);
        this.strings!.append(mapped);
        return;
      }
      for (let i = 0; i < count; i++) {
        const c = codes[from === null ? i : from[i]];
        if (c < 0) continue;
        if (this.type !== 'string') {
          this.set(base + i, dictionary[c], 'string');
          continue;
        }
        let code = map[c];
        if (code < 0) code = map[c] = this.dictionary!.code(dictionary[c]);
        this.strings!.set(base + i, code, -1);
      }
      return;
    }
    const values = column.values!;
    if (from === null && this.type === column.type && this.numbers!.length <= base) {
      if (this.numbers!.length < base) this.numbers!.set(base - 1, NaN, NaN);
      this.numbers!.append(values.length === count ? values : values.subarray(0, count));
      return;
    }
    for (let i = 0; i < count; i++) {
      const v = values[from === null ? i : from[i]];
      if (v !== v) continue;
      if (this.type === column.type) this.numbers!.set(base + i, v, NaN);
      else this.set(base + i, v, column.type);
    }
  }

  private widenToText(): void {
    const numbers = this.numbers!;
    const previous = this.type;
    this.type = 'string';
    this.strings = new GrowableInt32(Math.max(1024, numbers.length));
    this.dictionary = new StringDictionary();
    for (let i = 0; i < numbers.length; i++) {
      const v = numbers.get(i);
      this.strings.set(i, Number.isNaN(v) ? -1 : this.dictionary.code(formatValue(v, previous)), -1);
    }
    this.numbers = null;
  }
}

function formatValue(value: number | boolean | string, type: AttributeType): string {
  if (type === 'date' && typeof value === 'number') return new Date(value).toISOString();
  if (type === 'boolean') return value === true || value === 1 ? 'true' : 'false';
  return String(value);
}

/** Attribute columns kept per scope (event, case); real logs have tens. */
export const MAX_ATTRIBUTE_COLUMNS = 500;

/** One attribute column of a BuilderPart: codes and dictionary for text, else values (NaN: none). */
export interface BuilderPartColumn {
  name: string;
  type: AttributeType;
  codes: Int32Array | null;
  dictionary: string[] | null;
  values: Float64Array | null;
}

/**
 * A builder's contents in file order, before `finish` sorts them: what one piece of a parallel
 * parse hands to the builder that merges the pieces (`appendPart`). Plain arrays and typed
 * arrays only, so it crosses a thread boundary as it is.
 */
export interface BuilderPart {
  caseIds: string[];
  activities: string[];
  resources: string[];
  caseCode: Int32Array;
  activity: Int32Array;
  timestamp: Float64Array;
  resource: Int32Array;
  sourceRow: Int32Array;
  startTimestamp: Float64Array | null;
  eventColumns: BuilderPartColumn[];
  caseColumns: BuilderPartColumn[];
}

export interface AttributeHandle {
  readonly index: number;
}

/**
 * Collects events in file order into growable columns, then sorts them by case and time into
 * an EventLog. Parsers call `addEvent` once per event and `setEventAttribute` for its extra
 * values; nothing here allocates per event beyond dictionary entries for new strings.
 */
export class EventLogBuilder {
  private readonly cases = new StringDictionary();
  private readonly activities = new StringDictionary();
  private readonly resources = new StringDictionary();
  private readonly caseCode = new GrowableInt32(1 << 16);
  private readonly activity = new GrowableInt32(1 << 16);
  private readonly timestamp = new GrowableFloat64(1 << 16);
  private readonly resource = new GrowableInt32(1 << 16);
  private readonly sourceRow = new GrowableInt32(1 << 16);
  private startTimestamp: GrowableFloat64 | null = null;
  private readonly eventColumns: AttributeColumnBuilder[] = [];
  private readonly eventColumnByName = new Map<string, number>();
  private readonly caseColumns: AttributeColumnBuilder[] = [];
  private readonly caseColumnByName = new Map<string, number>();

  get eventCount(): number {
    return this.activity.length;
  }

  /** The case index for an id, creating the case if it is new. */
  caseIndex(caseId: string): number {
    return this.cases.code(caseId);
  }

  /** The activity code for a name, creating it if new (for `addEventByCodes`). */
  activityCode(activity: string): number {
    return this.activities.code(activity);
  }

  /** The resource code for a name, creating it if new; -1 for none. */
  resourceCode(resource: string | null): number {
    return resource === null || resource === '' ? -1 : this.resources.code(resource);
  }

  /** Adds one event and returns its ordinal in file order. */
  addEvent(caseId: string, activity: string, timestamp: number, resource: string | null, sourceRow: number, startTimestamp = NaN): number {
    return this.addEventByCodes(this.cases.code(caseId), this.activities.code(activity), timestamp, this.resourceCode(resource), sourceRow, startTimestamp);
  }

  /**
   * Adds one event given codes from `caseIndex`, `activityCode` and `resourceCode`. Parsers that
   * already recognise repeated values (the CSV byte interner) keep the codes and skip the
   * dictionary lookup, the most expensive step per event otherwise.
   */
  addEventByCodes(caseIndex: number, activity: number, timestamp: number, resource: number, sourceRow: number, startTimestamp = NaN): number {
    this.caseCode.push(caseIndex);
    this.activity.push(activity);
    this.timestamp.push(timestamp);
    this.resource.push(resource);
    this.sourceRow.push(sourceRow);
    if (!Number.isNaN(startTimestamp)) {
      this.startTimestamp ??= new GrowableFloat64(1 << 16);
      this.startTimestamp.set(this.activity.length - 1, startTimestamp, NaN);
    }
    return this.activity.length - 1;
  }

  /**
   * The column for an event attribute, created on first use. Past MAX_ATTRIBUTE_COLUMNS the
   * handle is a dead one whose values are dropped (and counted in `droppedAttributeKeys`): every
   * column is as long as the log, so a hostile file with a new key per event would otherwise
   * need memory growing with events × keys.
   */
  eventAttribute(name: string, type: AttributeType): AttributeHandle {
    return { index: this.columnIndex(name, type, this.eventColumns, this.eventColumnByName) };
  }

  caseAttribute(name: string, type: AttributeType): AttributeHandle {
    return { index: this.columnIndex(name, type, this.caseColumns, this.caseColumnByName) };
  }

  /** Sets an attribute of the most recently added event. */
  setEventAttribute(handle: AttributeHandle, value: RawValue, type: AttributeType): void {
    if (handle.index >= 0) this.eventColumns[handle.index].set(this.activity.length - 1, value, type);
  }

  setCaseAttribute(caseIndex: number, handle: AttributeHandle, value: RawValue, type: AttributeType): void {
    if (handle.index >= 0) this.caseColumns[handle.index].set(caseIndex, value, type);
  }

  /**
   * The dictionary code of `text` in a text event attribute; with `setEventAttributeCode` it lets
   * a parser that recognises repeated values skip the dictionary lookup per event. Text columns
   * never change type, so a code stays valid.
   */
  eventAttributeTextCode(handle: AttributeHandle, text: string): number {
    return this.eventColumns[handle.index].textCode(text);
  }

  setEventAttributeCode(handle: AttributeHandle, code: number): void {
    if (handle.index >= 0) this.eventColumns[handle.index].setTextCode(this.activity.length - 1, code);
  }

  /** Attribute keys left out because a scope already had MAX_ATTRIBUTE_COLUMNS columns. */
  readonly droppedAttributeKeys = new Set<string>();

  /** A sentence for the import notes when attributes were left out, else null. */
  droppedAttributesNote(): string | null {
    const keys = [...this.droppedAttributeKeys];
    if (keys.length === 0) return null;
    const shown = keys.slice(0, 5).map((k) => `"${k}"`).join(', ');
    return `More than ${MAX_ATTRIBUTE_COLUMNS} distinct attribute names: ${keys.length}${keys.length >= 10_000 ? '+' : ''} more were left out (${shown}${keys.length > 5 ? ', …' : ''}).`;
  }

  private columnIndex(name: string, type: AttributeType, columns: AttributeColumnBuilder[], byName: Map<string, number>): number {
    let index = byName.get(name);
    if (index === undefined) {
      if (columns.length >= MAX_ATTRIBUTE_COLUMNS) {
        if (this.droppedAttributeKeys.size < 10_000) this.droppedAttributeKeys.add(name);
        return -1;
      }
      index = columns.length;
      columns.push(new AttributeColumnBuilder(name, type));
      byName.set(name, index);
    }
    return index;
  }

  toPart(): BuilderPart {
    const n = this.activity.length;
    return {
      caseIds: this.cases.values,
      activities: this.activities.values,
      resources: this.resources.values,
      caseCode: this.caseCode.toArray(),
      activity: this.activity.toArray(),
      timestamp: this.timestamp.toArray(),
      resource: this.resource.toArray(),
      sourceRow: this.sourceRow.toArray(),
      startTimestamp: this.startTimestamp ? this.startTimestamp.toArray(n, NaN) : null,
      eventColumns: this.eventColumns.map((c) => c.part(n)),
      caseColumns: this.caseColumns.map((c) => c.part(this.cases.size)),
    };
  }

  /**
   * Appends the events of a part built from the rows that follow this builder's (the next piece
   * of the same file, with the same attribute handles made in the same order), `lineOffset`
   * added to its source rows. Everything comes out as if one builder had seen all rows: values
   * get codes in order of first appearance, and a case's attributes come from the part where the
   * case first appears (its first event), as the parser sets them only then.
   */
  appendPart(part: BuilderPart, lineOffset: number): void {
    const base = this.activity.length;
    const casesBefore = this.cases.size;
    const caseMap = new Int32Array(part.caseIds.length).fill(-1);
    const activityMap = new Int32Array(part.activities.length).fill(-1);
    const resourceMap = new Int32Array(part.resources.length).fill(-1);
    const n = part.activity.length;
    // Codes translated in tight loops over whole arrays, then appended at once: the merge must
    // cost a small fraction of the parse it parallelises.
    const cases = new Int32Array(n);
    const activities = new Int32Array(n);
    const resources = new Int32Array(n);
    const rows = new Int32Array(n);
    const caseCode = part.caseCode;
    const activity = part.activity;
    const resource = part.resource;
    const sourceRow = part.sourceRow;
    for (let i = 0; i < n; i++) {
      const c = caseCode[i];
      let caseIndex = caseMap[c];
      if (caseIndex < 0) caseIndex = caseMap[c] = this.cases.code(part.caseIds[c]);
      cases[i] = caseIndex;
      const a = activity[i];
      let code = activityMap[a];
      if (code < 0) code = activityMap[a] = this.activities.code(part.activities[a]);
      activities[i] = code;
      const r = resource[i];
      if (r >= 0) {
        code = resourceMap[r];
        if (code < 0) code = resourceMap[r] = this.resources.code(part.resources[r]);
        resources[i] = code;
      } else resources[i] = -1;
      rows[i] = sourceRow[i] + lineOffset;
    }
    this.caseCode.append(cases);
    this.activity.append(activities);
    this.timestamp.append(part.timestamp);
    this.resource.append(resources);
    this.sourceRow.append(rows);
    const start = part.startTimestamp;
    if (start) {
      for (let i = 0; i < n; i++) {
        if (start[i] !== start[i]) continue;
        this.startTimestamp ??= new GrowableFloat64(1 << 16);
        this.startTimestamp.set(base + i, start[i], NaN);
      }
    }
    const columns = Math.min(part.eventColumns.length, this.eventColumns.length);
    for (let k = 0; k < columns; k++) this.eventColumns[k].appendPart(part.eventColumns[k], n, null, base);
    // Cases new to this builder, in the order they got their index here.
    const newCases = new Int32Array(this.cases.size - casesBefore);
    for (let p = 0; p < caseMap.length; p++) if (caseMap[p] >= casesBefore) newCases[caseMap[p] - casesBefore] = p;
    const caseColumns = Math.min(part.caseColumns.length, this.caseColumns.length);
    for (let k = 0; k < caseColumns; k++) this.caseColumns[k].appendPart(part.caseColumns[k], newCases.length, newCases, casesBefore);
  }

  finish(): EventLog {
    const n = this.activity.length;
    const caseCode = this.caseCode.toArray();
    const timestamp = this.timestamp.toArray();
    const { order, caseStart, caseOrder } = sortByCaseAndTime(caseCode, timestamp, this.cases.size);
    const caseIds = Array.from(caseOrder, (c) => this.cases.values[c]);
    return {
      eventCount: n,
      caseCount: caseIds.length,
      caseStart,
      caseIds,
      activity: gatherInt32(this.activity.toArray(), order),
      activities: this.activities.values,
      timestamp: gatherFloat64(timestamp, order),
      startTimestamp: this.startTimestamp ? gatherFloat64(this.startTimestamp.toArray(n, NaN), order) : null,
      resource: gatherInt32(this.resource.toArray(), order),
      resources: this.resources.values,
      sourceRow: gatherInt32(this.sourceRow.toArray(), order),
      eventAttributes: this.eventColumns.map((c) => c.finish(n, order)),
      caseAttributes: this.caseColumns.map((c) => c.finish(this.cases.size, null)).map((c) => gatherColumn(c, caseOrder)),
    };
  }
}


/**
 * Stable counting sort by case (cases keep first-appearance order), then a stable sort by time
 * inside each case, which is usually already in order and then costs one comparison per event.
 * Cases that received no events (an empty XES trace) are dropped.
 */
export function sortByCaseAndTime(caseCode: Int32Array, timestamp: Float64Array, caseCount: number) {
  const n = caseCode.length;
  const counts = new Int32Array(caseCount);
  for (let i = 0; i < n; i++) counts[caseCode[i]]++;
  let kept = 0;
  for (let c = 0; c < caseCount; c++) if (counts[c] > 0) kept++;
  const caseOrder = new Int32Array(kept);
  const caseStart = new Int32Array(kept + 1);
  const next = new Int32Array(caseCount);
  for (let c = 0, k = 0, offset = 0; c < caseCount; c++) {
    if (counts[c] === 0) continue;
    caseOrder[k] = c;
    caseStart[k] = offset;
    next[c] = offset;
    offset += counts[c];
    caseStart[++k] = offset;
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[caseCode[i]]++] = i;
  for (let k = 0; k < kept; k++) {
    const from = caseStart[k];
    const to = caseStart[k + 1];
    let sorted = true;
    for (let i = from + 1; i < to; i++) {
      if (timestamp[order[i]] < timestamp[order[i - 1]]) {
        sorted = false;
        break;
      }
    }
    if (!sorted) {
      const slice = Array.from(order.subarray(from, to));
      slice.sort((a, b) => timestamp[a] - timestamp[b] || a - b);
      order.set(slice, from);
    }
  }
  return { order, caseStart, caseOrder };
}

export function gatherInt32(values: Int32Array, order: Int32Array): Int32Array {
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]];
  return out;
}

export function gatherFloat64(values: Float64Array, order: Int32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]];
  return out;
}

function gatherColumn(column: AttributeColumn, order: Int32Array): AttributeColumn {
  return column.type === 'string'
    ? { ...column, codes: gatherInt32(column.codes, order) }
    : { ...column, values: gatherFloat64(column.values, order) };
}
