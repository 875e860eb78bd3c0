import type { EventLog } from '../../main/engine/eventlog/index.ts';
import type { PrefixRows } from '../features/prefix/prefix-rows.ts';

const HOUR = 3_600_000;

/** Seconds from each row's observation to the end (last event) of its case. */
export function remainingSeconds(log: EventLog, rows: PrefixRows): Float64Array {
  const out = new Float64Array(rows.count);
  for (let i = 0; i < rows.count; i++)
    out[i] = (log.timestamp[log.caseStart[rows.case[i] + 1] - 1] - rows.observedAt[i]) / 1000;
  return out;
}

/** 1 when the row's case took longer than `slaHours` from its first to its last event. */
export function slaBreached(log: EventLog, rows: PrefixRows, slaHours: number): Uint8Array {
  const out = new Uint8Array(rows.count);
  for (let i = 0; i < rows.count; i++) {
    const c = rows.case[i];
    out[i] = log.timestamp[log.caseStart[c + 1] - 1] - log.timestamp[log.caseStart[c]] > slaHours * HOUR ? 1 : 0;
  }
  return out;
}

/** 1 when the row's case contains the activity anywhere (escalation, rework, a defect step…). */
export function caseHasActivity(log: EventLog, rows: PrefixRows, activity: number): Uint8Array {
  const has = new Uint8Array(log.caseCount);
  for (let c = 0; c < log.caseCount; c++) {
    for (let e = log.caseStart[c]; e < log.caseStart[c + 1]; e++) {
      if (log.activity[e] === activity) {
        has[c] = 1;
        break;
      }
    }
  }
  return Uint8Array.from(rows.case, (c) => has[c]);
}
