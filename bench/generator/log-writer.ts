import { createWriteStream, type WriteStream } from 'node:fs';
import { createGzip, type Gzip } from 'node:zlib';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { SimulatedCase } from './order-to-cash.ts';
import type { OutputRow } from './rows.ts';

export type LogFormat = 'csv' | 'xes' | 'xes.gz';

export const CSV_COLUMNS = [
  'case:concept:name',
  'concept:name',
  'time:timestamp',
  'org:resource',
  'amount',
  'region',
  'case:channel',
] as const;
export const START_COLUMN = 'start_timestamp';

/**
 * Writes a log as text in chunks of about a megabyte, waiting for the stream to drain, so the
 * generator's memory does not grow with the size of the file.
 */
export abstract class LogWriter {
  private buffer = '';
  private readonly file: WriteStream;
  private readonly sink: Writable;
  private readonly gzip: Gzip | null;
  rowsWritten = 0;

  constructor(
    path: string,
    compress: boolean,
    protected readonly withStart: boolean,
  ) {
    this.file = createWriteStream(path);
    // Fixed level and Node's fixed gzip header (mtime 0) keep .gz output byte-identical per seed.
    this.gzip = compress ? createGzip({ level: 6 }) : null;
    if (this.gzip) this.gzip.pipe(this.file);
    this.sink = this.gzip ?? this.file;
  }

  abstract writeHeader(): void;
  abstract writeCase(c: SimulatedCase, rows: OutputRow[]): void;
  protected abstract footer(): string;

  protected append(text: string): void {
    this.buffer += text;
  }

  get pendingChars(): number {
    return this.buffer.length;
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.sink.write(chunk)) await once(this.sink, 'drain');
  }

  async close(): Promise<void> {
    this.append(this.footer());
    await this.flush();
    const finished = once(this.file, 'close');
    this.sink.end();
    await finished;
  }
}

export class CsvLogWriter extends LogWriter {
  writeHeader(): void {
    this.append([...CSV_COLUMNS, ...(this.withStart ? [START_COLUMN] : [])].join(',') + '\n');
  }

  writeCase(c: SimulatedCase, rows: OutputRow[]): void {
    let text = '';
    const channel = csvField(c.channel);
    for (const row of rows) {
      text += `${csvField(row.caseId)},${csvField(row.activity)},${csvField(row.timestamp)},${csvField(row.resource)},${row.amount},${csvField(row.region)},${channel}`;
      text += this.withStart ? `,${csvField(row.start)}\n` : '\n';
    }
    this.rowsWritten += rows.length;
    this.append(text);
  }

  protected footer(): string {
    return '';
  }
}

/** Quotes a field only when it must be: delimiter, quote, line break, or edge whitespace. */
export function csvField(value: string): string {
  if (/[",\r\n]|^\s|\s$/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

export class XesLogWriter extends LogWriter {
  writeHeader(): void {
    this.append(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<log xes.version="1.0" xes.features="nested-attributes" xmlns="http://www.xes-standard.org/">\n' +
        '\t<extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>\n' +
        '\t<extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>\n' +
        '\t<extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>\n' +
        '\t<extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>\n' +
        '\t<global scope="trace">\n\t\t<string key="concept:name" value="__INVALID__"/>\n\t</global>\n' +
        '\t<global scope="event">\n\t\t<string key="concept:name" value="__INVALID__"/>\n\t\t<date key="time:timestamp" value="1970-01-01T00:00:00.000+00:00"/>\n\t</global>\n',
    );
  }

  writeCase(c: SimulatedCase, rows: OutputRow[]): void {
    // In XES the channel is a trace attribute; its CSV twin is the `case:channel` column.
    let text = `\t<trace>\n\t\t<string key="concept:name" value="${xml(c.id)}"/>\n\t\t<string key="channel" value="${xml(c.channel)}"/>\n`;
    for (const row of rows) {
      text += `\t\t<event>\n\t\t\t<string key="concept:name" value="${xml(row.activity)}"/>\n`;
      if (row.resource) text += `\t\t\t<string key="org:resource" value="${xml(row.resource)}"/>\n`;
      if (row.timestamp) text += `\t\t\t<date key="time:timestamp" value="${xml(row.timestamp)}"/>\n`;
      if (this.withStart && row.start) text += `\t\t\t<date key="start_timestamp" value="${xml(row.start)}"/>\n`;
      if (row.amount) text += `\t\t\t<float key="amount" value="${row.amount}"/>\n`;
      if (row.region) text += `\t\t\t<string key="region" value="${xml(row.region)}"/>\n`;
      text += '\t\t\t<string key="lifecycle:transition" value="complete"/>\n\t\t</event>\n';
    }
    this.rowsWritten += rows.length;
    this.append(text + '\t</trace>\n');
  }

  protected footer(): string {
    return '</log>\n';
  }
}

function xml(value: string): string {
  return /[&<>"]/.test(value)
    ? value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    : value;
}

export function openLogWriter(path: string, format: LogFormat, withStart: boolean): LogWriter {
  return format === 'csv'
    ? new CsvLogWriter(path, false, withStart)
    : new XesLogWriter(path, format === 'xes.gz', withStart);
}
