import type { AttributeType } from '../../../preload/api.ts';
import type { AttributeColumn } from './event-log.ts';
import { StringDictionary } from './dictionary.ts';
import { GrowableFloat64, GrowableInt32 } from './growable.ts';
import { gatherFloat64, gatherInt32 } from './event-order.ts';

/** A value as a parser hands it over; dates are epoch ms with type 'date'. */
export type RawValue = string | number | boolean | null | undefined;

/** One attribute column of a BuilderPart: codes and dictionary for text, else values (NaN: none). */
export interface BuilderPartColumn {
  name: string;
  type: AttributeType;
  codes: Int32Array | null;
  dictionary: string[] | null;
  values: Float64Array | null;
}

/**
 * One attribute column being filled row by row. A column starts with the type its first value
 * suggests; a later value of another kind widens it to text, because a log that mixes `42` and
 * `"n/a"` in one attribute is text to the user.
 */
export class AttributeColumnBuilder {
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

  /** Room for `rows` rows (see EventLogBuilder.reserve). */
  reserve(rows: number): void {
    (this.strings ?? this.numbers)!.reserve(rows);
  }

  /** The column, in `order` if given (gathered from this builder's own arrays), else its own arrays: the builder is spent. */
  finish(length: number, order: Int32Array | null): AttributeColumn {
    if (this.type === 'string') {
      const codes = order ? this.strings!.view(length, -1) : this.strings!.spend(length, -1);
      return {
        name: this.name,
        type: 'string',
        codes: order ? gatherInt32(codes, order) : codes,
        dictionary: this.dictionary!.values,
      };
    }
    const values = order ? this.numbers!.view(length, NaN) : this.numbers!.spend(length, NaN);
    return {
      name: this.name,
      type: this.type as 'number' | 'date' | 'boolean',
      values: order ? gatherFloat64(values, order) : values,
    };
  }

  /** The column's values in row order, for a builder that merges this one (see EventLogBuilder.toPart). */
  part(length: number): BuilderPartColumn {
    if (this.type === 'string')
      return {
        name: this.name,
        type: 'string',
        codes: this.strings!.view(length, -1),
        dictionary: this.dictionary!.values,
        values: null,
      };
    return {
      name: this.name,
      type: this.type,
      codes: null,
      dictionary: null,
      values: this.numbers!.view(length, NaN),
    };
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
        // Whole event columns: translated straight into this column (no per-row bounds work).
        if (this.strings!.length < base) this.strings!.set(base - 1, -1, -1);
        const mapped = this.strings!.appendSlots(count);
        for (let i = 0; i < count; i++) {
          const c = codes[i];
          if (c < 0) mapped[i] = -1;
          else {
            let code = map[c];
            if (code < 0) code = map[c] = this.dictionary!.code(dictionary[c]);
            mapped[i] = code;
          }
        }
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
