import type { AttributeType } from '../../../../preload/api.ts';
import type { RawValue } from '../../eventlog/index.ts';
import { readPlainDecimal } from './decimal-text.ts';
import { parseXesDate, type NaiveTimeReader } from './xes-date.ts';

/** The value and type of the attribute just read; one object reused for every attribute. */
export interface TypedValue {
  value: RawValue;
  type: AttributeType;
}

/** A date or number as read, or the text itself (as a string) where it did not read: NaN. */
function numberOrText(parsed: number, type: 'date' | 'number', raw: string, out: TypedValue): void {
  if (Number.isNaN(parsed)) {
    out.value = raw;
    out.type = 'string';
  } else {
    out.value = parsed;
    out.type = type;
  }
}

/**
 * XES typed value to the builder's value, written into `out`. A value that does not read as its
 * declared type (an `<int>` holding "n/a") is kept as text rather than lost. Returns false for
 * elements that are not XES attributes.
 */
export function readTypedValue(kind: string, raw: string, naive: NaiveTimeReader, out: TypedValue): boolean {
  switch (kind) {
    case 'string':
    case 'id':
      out.value = raw;
      out.type = 'string';
      return true;
    case 'date': {
      numberOrText(parseXesDate(raw, naive), 'date', raw, out);
      return true;
    }
    case 'int':
    case 'float': {
      let x = readPlainDecimal(raw);
      if (Number.isNaN(x)) x = raw.trim() === '' ? NaN : Number(raw);
      numberOrText(x, 'number', raw, out);
      return true;
    }
    case 'boolean': {
      const v = raw.trim().toLowerCase();
      if (v === 'true' || v === '1') out.value = true;
      else if (v === 'false' || v === '0') out.value = false;
      else {
        out.value = raw;
        out.type = 'string';
        return true;
      }
      out.type = 'boolean';
      return true;
    }
    default:
      return false;
  }
}
