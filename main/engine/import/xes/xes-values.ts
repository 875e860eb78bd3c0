import type { AttributeType } from '../../../../preload/api.ts';
import type { RawValue } from '../../eventlog/index.ts';
import { readPlainDecimal } from './decimal-text.ts';
import { parseXesDate, type NaiveTimeReader } from './xes-date.ts';

/** The value and type of the attribute just read; one object reused for every attribute. */
export interface TypedValue {
  value: RawValue;
  type: AttributeType;
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
      const t = parseXesDate(raw, naive);
      if (Number.isNaN(t)) {
        out.value = raw;
        out.type = 'string';
      } else {
        out.value = t;
        out.type = 'date';
      }
      return true;
    }
    case 'int':
    case 'float': {
      let x = readPlainDecimal(raw);
      if (Number.isNaN(x)) x = raw.trim() === '' ? NaN : Number(raw);
      if (Number.isNaN(x)) {
        out.value = raw;
        out.type = 'string';
      } else {
        out.value = x;
        out.type = 'number';
      }
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
