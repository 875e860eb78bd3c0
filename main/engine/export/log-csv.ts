import type { CaseMask, EventLog } from '../eventlog/index.ts';
import { hasStartTimes, isoTime, valueText } from './log-columns.ts';
import type { TextSink } from './text-sink.ts';

/**
 * The log as a CSV for tools (PM4Py, Disco, Gemba): one row per event, comma-delimited, UTF-8,
 * RFC 4180 quoting, values verbatim (no spreadsheet-formula neutralising: that would change
 * the data a tool reads). Column names are the XES standard names the importers map on their
 * own: `case:concept:name`, `concept:name`, `time:timestamp` (ISO 8601 UTC), `org:resource`,
 * `start_timestamp` (PM4Py's name) where events have start times; case attributes as `case:NAME`
 * (PM4Py's flattening, repeated on every row of the case), event attributes under their names.
 */
export async function writeLogCsv(log: EventLog, mask: CaseMask | null | undefined, sink: TextSink): Promise<void> {
  const withResource = log.resources.length > 0;
  const withStart = hasStartTimes(log);
  const names = ['case:concept:name', 'concept:name', 'time:timestamp'];
  if (withResource) names.push('org:resource');
  if (withStart) names.push('start_timestamp');
  const caseColumns = log.caseAttributes;
  const eventColumns = log.eventAttributes;
  const header = unique([...names, ...caseColumns.map((c) => `case:${c.name}`), ...eventColumns.map((c) => c.name)]);
  sink.write(header.map(csvField).join(',') + '\r\n');
  const caseTexts: string[] = new Array(caseColumns.length);
  for (let c = 0; c < log.caseCount; c++) {
    if (mask && mask[c] === 0) continue;
    const id = csvField(log.caseIds[c]);
    for (let k = 0; k < caseColumns.length; k++) caseTexts[k] = csvField(valueText(caseColumns[k], c) ?? '');
    const caseText = caseTexts.length ? `,${caseTexts.join(',')}` : '';
    for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
      let row = `${id},${csvField(log.activities[log.activity[i]])},${isoTime(log.timestamp[i])}`;
      if (withResource) row += `,${log.resource[i] < 0 ? '' : csvField(log.resources[log.resource[i]])}`;
      if (withStart)
        row += `,${log.startTimestamp![i] === log.startTimestamp![i] ? isoTime(log.startTimestamp![i]) : ''}`;
      row += caseText;
      for (const column of eventColumns) row += `,${csvField(valueText(column, i) ?? '')}`;
      sink.write(row + '\r\n');
    }
    await sink.drain();
  }
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** A field quoted when it holds a comma, quote or line break, or starts or ends with a space. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Header names made unique with " (2)", " (3)"… as the importer does for repeated names. */
function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let n = name;
    for (let k = 2; seen.has(n); k++) n = `${name} (${k})`;
    seen.add(n);
    return n;
  });
}
