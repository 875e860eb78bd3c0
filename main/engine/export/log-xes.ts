import { LIFECYCLE_ATTRIBUTE, type AttributeColumn, type CaseMask, type EventLog } from '../eventlog/index.ts';
import { isoTime, isWholeNumberColumn, valueText } from './log-columns.ts';
import type { TextSink } from './text-sink.ts';

/**
 * The log as IEEE 1849-2016 XES with the standard Concept, Time, Lifecycle and Organizational
 * extensions: trace `concept:name` is the case id, event `concept:name` the activity,
 * `time:timestamp` the completion, `org:resource` the resource, `lifecycle:transition` the
 * event's transition ("complete" unless the log recorded one). An event with a start time is
 * written as a `start` and a `complete` event, as XES has no start-time key: Gemba, Disco and
 * PM4Py pair them back (first in, first out per activity). Events are in time order within a
 * trace. Values are verbatim; XML escaping is the only change.
 */
export async function writeLogXes(
  log: EventLog,
  mask: CaseMask | null | undefined,
  sink: TextSink,
  logName: string,
): Promise<void> {
  const lifecycle = log.eventAttributes.find((c) => c.name === LIFECYCLE_ATTRIBUTE);
  const standard = new Set(['concept:name', 'time:timestamp', 'org:resource', LIFECYCLE_ATTRIBUTE]);
  const eventColumns = log.eventAttributes
    .filter((c) => !standard.has(c.name))
    .map((c) => ({ column: c, tag: tagOf(c), key: xmlText(c.name) }));
  const caseColumns = log.caseAttributes
    .filter((c) => c.name !== 'concept:name')
    .map((c) => ({ column: c, tag: tagOf(c), key: xmlText(c.name) }));
  sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<!-- Written by Gemba for process-mining tools: values verbatim, times in UTC. -->\n' +
      '<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">\n' +
      '  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>\n' +
      '  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>\n' +
      '  <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>\n' +
      '  <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>\n' +
      '  <global scope="trace">\n    <string key="concept:name" value="__INVALID__"/>\n  </global>\n' +
      '  <global scope="event">\n    <string key="concept:name" value="__INVALID__"/>\n    <date key="time:timestamp" value="1970-01-01T00:00:00.000Z"/>\n' +
      '    <string key="lifecycle:transition" value="complete"/>\n  </global>\n' +
      '  <classifier name="Activity" keys="concept:name"/>\n' +
      '  <classifier name="Activity and transition" keys="concept:name lifecycle:transition"/>\n' +
      `  <string key="concept:name" value="${xmlText(logName)}"/>\n`,
  );
  const start = log.startTimestamp;
  const order: number[] = [];
  for (let c = 0; c < log.caseCount; c++) {
    if (mask && mask[c] === 0) continue;
    let trace = `  <trace>\n    <string key="concept:name" value="${xmlText(log.caseIds[c])}"/>\n`;
    for (const { column, tag, key } of caseColumns) trace += attribute(column, c, tag, key, '    ');
    sink.write(trace);
    // Entries: 2i + 1 is event i's completion, 2i its start; sorted by time, a start first on a tie.
    const from = log.caseStart[c];
    const to = log.caseStart[c + 1];
    order.length = 0;
    for (let i = from; i < to; i++) {
      if (start && start[i] === start[i]) order.push(2 * i);
      order.push(2 * i + 1);
    }
    if (start) order.sort((a, b) => entryTime(log, a) - entryTime(log, b) || (a & 1) - (b & 1) || a - b);
    for (const entry of order) {
      const i = entry >> 1;
      const isStart = (entry & 1) === 0;
      let event = `    <event>\n      <string key="concept:name" value="${xmlText(log.activities[log.activity[i]])}"/>\n`;
      event += `      <date key="time:timestamp" value="${isoTime(isStart ? start![i] : log.timestamp[i])}"/>\n`;
      if (log.resource[i] >= 0)
        event += `      <string key="org:resource" value="${xmlText(log.resources[log.resource[i]])}"/>\n`;
      const transition = isStart ? 'start' : (lifecycle && valueText(lifecycle, i)) || 'complete';
      event += `      <string key="lifecycle:transition" value="${xmlText(transition)}"/>\n`;
      if (!isStart) for (const { column, tag, key } of eventColumns) event += attribute(column, i, tag, key, '      ');
      sink.write(event + '    </event>\n');
    }
    sink.write('  </trace>\n');
    await sink.drain();
  }
  sink.write('</log>\n');
}

/** When an entry happens; a start later than its own completion is put just before it. */
function entryTime(log: EventLog, entry: number): number {
  const i = entry >> 1;
  return entry & 1 ? log.timestamp[i] : Math.min(log.startTimestamp![i], log.timestamp[i]);
}

type Tag = 'string' | 'int' | 'float' | 'date' | 'boolean';

/** XES type of a column: whole-number columns are int, other numbers float. */
function tagOf(column: AttributeColumn): Tag {
  if (column.type === 'number') return isWholeNumberColumn(column) ? 'int' : 'float';
  return column.type;
}

function attribute(column: AttributeColumn, i: number, tag: Tag, key: string, indent: string): string {
  const value = valueText(column, i);
  return value === null ? '' : `${indent}<${tag} key="${key}" value="${xmlText(value)}"/>\n`;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
// Characters XML 1.0 cannot carry at all (C0 controls but tab, LF, CR; lone surrogates; FFFE/FFFF).
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text for an XML attribute value: markup characters escaped, and tab, LF and CR as character
 * references so that attribute-value normalisation keeps them. Characters XML cannot hold at
 * all become U+FFFD (the only change to a value, and only for such characters).
 */
export function xmlText(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (c) => ESCAPES[c]).replace(NOT_XML, '\ufffd');
}
