import type { EventLog } from '../../main/engine/eventlog/index.ts';

/**
 * Case attributes as one value per case: the log's case attributes, and event attributes that
 * hold one value per case (CSV exports repeat an order's amount or region on every row). An
 * event attribute whose value changes inside more than 1% of cases is a per-event measurement,
 * not a case attribute, and is left out. Dates are left out: an epoch instant is not a property
 * a model should learn (elapsed times are features of their own).
 */
export interface NumericCaseAttribute {
  name: string;
  values: Float64Array;
}

export interface CategoricalCaseAttribute {
  name: string;
  /** Code into `dictionary` per case, -1 when missing. */
  codes: Int32Array;
  dictionary: readonly string[];
}

export interface CaseAttributes {
  numeric: NumericCaseAttribute[];
  categorical: CategoricalCaseAttribute[];
}

/** Share of cases in which an event attribute may change before it stops counting as a case attribute. */
const MAX_VARYING_SHARE = 0.01;

export function caseAttributes(log: EventLog): CaseAttributes {
  const numeric: NumericCaseAttribute[] = [];
  const categorical: CategoricalCaseAttribute[] = [];
  const seen = new Set<string>();
  for (const col of log.caseAttributes) {
    if (col.type === 'date') continue;
    seen.add(col.name);
    if (col.type === 'string') categorical.push({ name: col.name, codes: col.codes, dictionary: col.dictionary });
    else numeric.push({ name: col.name, values: col.values });
  }
  const n = log.caseCount;
  for (const col of log.eventAttributes) {
    if (col.type === 'date' || seen.has(col.name)) continue;
    let varying = 0;
    if (col.type === 'string') {
      const codes = new Int32Array(n).fill(-1);
      for (let c = 0; c < n; c++) {
        let value = -1;
        let changes = false;
        for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
          const v = col.codes[i];
          if (v < 0) continue;
          if (value >= 0 && v !== value) changes = true;
          value = v;
        }
        if (changes) varying++;
        codes[c] = value;
      }
      if (varying <= MAX_VARYING_SHARE * n) categorical.push({ name: col.name, codes, dictionary: col.dictionary });
    } else {
      const values = new Float64Array(n).fill(NaN);
      for (let c = 0; c < n; c++) {
        let value = NaN;
        let changes = false;
        for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
          const v = col.values[i];
          if (Number.isNaN(v)) continue;
          if (!Number.isNaN(value) && v !== value) changes = true;
          value = v;
        }
        if (changes) varying++;
        values[c] = value;
      }
      if (varying <= MAX_VARYING_SHARE * n) numeric.push({ name: col.name, values });
    }
  }
  return { numeric, categorical };
}
