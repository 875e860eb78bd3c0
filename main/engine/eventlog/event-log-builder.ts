import type { AttributeType } from '../../../preload/api.ts';
import type { EventLog } from './event-log.ts';
import { StringDictionary } from './dictionary.ts';
import { GrowableFloat64, GrowableInt32 } from './growable.ts';
import { AttributeColumnBuilder, type BuilderPartColumn, type RawValue } from './attribute-column-builder.ts';
import {
  caseStartsInFileOrder,
  gatherColumn,
  gatherFloat64,
  gatherInt32,
  isFileOrder,
  sortByCaseAndTime,
} from './event-order.ts';

/** Attribute columns kept per scope (event, case); real logs have tens. */
export const MAX_ATTRIBUTE_COLUMNS = 500;

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

  /**
   * Room for about `events` events in every event column, so that a parse that knows (or
   * estimates) its size does not copy each column at every doubling, nor a merge at its append.
   */
  reserve(events: number): void {
    this.caseCode.reserve(events);
    this.activity.reserve(events);
    this.timestamp.reserve(events);
    this.resource.reserve(events);
    this.sourceRow.reserve(events);
    for (const column of this.eventColumns) column.reserve(events);
  }

  /** The case index for an id, creating the case if it is new. */
  caseIndex(caseId: string): number {
    return this.cases.code(caseId);
  }

  /**
   * Adds a case the caller knows is new (no earlier `caseIndex` or `addCase` had its id) and
   * returns its index: a parser that recognises new values by their bytes skips the lookup.
   */
  addCase(caseId: string): number {
    return this.cases.addNew(caseId);
  }

  get caseCount(): number {
    return this.cases.size;
  }

  /** True when a case with this id has been made (merging a piece checks it creates no case twice). */
  hasCase(caseId: string): boolean {
    return this.cases.lookup(caseId) >= 0;
  }

  /** The names of the event or case attribute columns, in the order they were made. */
  attributeNames(scope: 'event' | 'case'): string[] {
    return (scope === 'event' ? this.eventColumns : this.caseColumns).map((c) => c.name);
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
  addEvent(
    caseId: string,
    activity: string,
    timestamp: number,
    resource: string | null,
    sourceRow: number,
    startTimestamp = NaN,
  ): number {
    return this.addEventByCodes(
      this.cases.code(caseId),
      this.activities.code(activity),
      timestamp,
      this.resourceCode(resource),
      sourceRow,
      startTimestamp,
    );
  }

  /**
   * Adds one event given codes from `caseIndex`, `activityCode` and `resourceCode`. Parsers that
   * already recognise repeated values (the CSV byte interner) keep the codes and skip the
   * dictionary lookup, the most expensive step per event otherwise.
   */
  addEventByCodes(
    caseIndex: number,
    activity: number,
    timestamp: number,
    resource: number,
    sourceRow: number,
    startTimestamp = NaN,
  ): number {
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
    const shown = keys
      .slice(0, 5)
      .map((k) => `"${k}"`)
      .join(', ');
    return `More than ${MAX_ATTRIBUTE_COLUMNS} distinct attribute names: ${keys.length}${keys.length >= 10_000 ? '+' : ''} more were left out (${shown}${keys.length > 5 ? ', …' : ''}).`;
  }

  private columnIndex(
    name: string,
    type: AttributeType,
    columns: AttributeColumnBuilder[],
    byName: Map<string, number>,
  ): number {
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

  /** The columns as they stand, for the builder that merges this one; this builder is spent after. */
  toPart(): BuilderPart {
    const n = this.activity.length;
    return {
      caseIds: this.cases.values,
      activities: this.activities.values,
      resources: this.resources.values,
      caseCode: this.caseCode.view(),
      activity: this.activity.view(),
      timestamp: this.timestamp.view(),
      resource: this.resource.view(),
      sourceRow: this.sourceRow.view(),
      startTimestamp: this.startTimestamp ? this.startTimestamp.view(n, NaN) : null,
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
    this.reserve(base + part.activity.length);
    const casesBefore = this.cases.size;
    // Every value in a part's dictionaries is used by one of its events (codes are given only to
    // rows kept), in order of first use: so the part's case ids merge in their own order.
    const caseMap = this.cases.merge(part.caseIds);
    const activityMap = new Int32Array(part.activities.length).fill(-1);
    const resourceMap = new Int32Array(part.resources.length).fill(-1);
    const n = part.activity.length;
    // Codes translated in one tight loop straight into this builder's columns (no array between):
    // the merge must cost a small fraction of the parse it parallelises.
    const cases = this.caseCode.appendSlots(n);
    const activities = this.activity.appendSlots(n);
    const resources = this.resource.appendSlots(n);
    const rows = this.sourceRow.appendSlots(n);
    const caseCode = part.caseCode;
    const activity = part.activity;
    const resource = part.resource;
    const sourceRow = part.sourceRow;
    for (let i = 0; i < n; i++) {
      cases[i] = caseMap[caseCode[i]];
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
    this.timestamp.append(part.timestamp);
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
    for (let k = 0; k < caseColumns; k++)
      this.caseColumns[k].appendPart(part.caseColumns[k], newCases.length, newCases, casesBefore);
  }

  /**
   * The log, sorted by case and time. The builder is spent after this: the columns are gathered
   * from its own arrays, not from copies (a copy of each column cost ~1/10 of a 1M-event parse).
   */
  finish(): EventLog {
    const n = this.activity.length;
    const caseCode = this.caseCode.view();
    const timestamp = this.timestamp.view();
    // A log exported case by case, in time order, needs no sorting and no gathering: the columns
    // are the log's. Otherwise sorted, and gathered unless the sort leaves the order as it was.
    const inOrder = caseStartsInFileOrder(caseCode, timestamp, this.cases.size);
    const sorted = inOrder ? null : sortByCaseAndTime(caseCode, timestamp, this.cases.size);
    const caseStart = inOrder ?? sorted!.caseStart;
    // Cases without events (an empty XES trace) are left out: then the case order is no identity.
    const everyCase = (o: Int32Array) => o.length === this.cases.size && isFileOrder(o);
    const caseOrder = sorted && !everyCase(sorted.caseOrder) ? sorted.caseOrder : null;
    const order = sorted && !isFileOrder(sorted.order) ? sorted.order : null;
    const int32 = (column: GrowableInt32) => (order ? gatherInt32(column.view(), order) : column.spend());
    const float64 = (column: GrowableFloat64, fill: number) =>
      order ? gatherFloat64(column.view(n, fill), order) : column.spend(n, fill);
    // A loop, not Array.from over the typed array: that iterates with a result object per case.
    const caseIds: string[] = caseOrder ? [] : this.cases.values;
    if (caseOrder) for (let k = 0; k < caseOrder.length; k++) caseIds.push(this.cases.values[caseOrder[k]]);
    return {
      eventCount: n,
      caseCount: caseIds.length,
      caseStart,
      caseIds,
      activity: int32(this.activity),
      activities: this.activities.values,
      timestamp: float64(this.timestamp, 0),
      startTimestamp: this.startTimestamp ? float64(this.startTimestamp, NaN) : null,
      resource: int32(this.resource),
      resources: this.resources.values,
      sourceRow: int32(this.sourceRow),
      eventAttributes: this.eventColumns.map((c) => c.finish(n, order)),
      caseAttributes: this.caseColumns
        .map((c) => c.finish(this.cases.size, null))
        .map((c) => (caseOrder ? gatherColumn(c, caseOrder) : c)),
    };
  }
}
