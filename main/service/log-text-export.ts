import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LOG_TEXT_MAX_EVENTS,
  type LogBasis,
  type LogTextExport,
  type LogTextExportRequest,
} from '../../preload/api.ts';
import { filteredLog } from '../engine/analysis/index.ts';
import { InputError } from '../engine/errors.ts';
import type { EventLog } from '../engine/eventlog/index.ts';
import { exportLog } from '../engine/export/index.ts';

/**
 * The current log as CSV or XES text for the app to offer as a download: the engine's streaming
 * export (the same bytes as `gemba export --log`) written to a private temporary file and read
 * back, so the UI and the CLI can never disagree on the format. Capped at LOG_TEXT_MAX_EVENTS:
 * a larger log goes to a file through the CLI, which streams in bounded memory.
 */
export async function logAsText(
  log: EventLog,
  basis: LogBasis,
  request: LogTextExportRequest,
  maxEvents = LOG_TEXT_MAX_EVENTS,
): Promise<LogTextExport> {
  const view = filteredLog(log, request.filters);
  const events = view.mask ? countKeptEvents(view.log, view.mask) : view.log.eventCount;
  if (events > maxEvents) {
    throw new InputError(
      `The log to export has ${events.toLocaleString('en-US')} events, more than the ${maxEvents.toLocaleString('en-US')} the app hands over as a download.`,
      {
        hint: `Filter it down, or write it to a file from the command line: gemba export WORKSPACE --log --format ${request.format === 'xes' ? 'xes.gz' : 'csv'} --out FILE.`,
      },
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'gemba-export-'));
  try {
    const stem = basis.fileName.replace(/\.(csv|xes|xes\.gz|gz)$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'log';
    const fileName = `${stem}${request.filters?.length ? '-filtered' : ''}.${request.format}`;
    const path = join(dir, fileName);
    const result = await exportLog(view.log, path, request.format, { mask: view.mask, logName: basis.fileName });
    return {
      fileName,
      text: await readFile(path, 'utf8'),
      cases: result.cases,
      events: result.events,
      notes: result.notes,
      basis,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function countKeptEvents(log: EventLog, mask: Uint8Array): number {
  let events = 0;
  for (let c = 0; c < log.caseCount; c++) if (mask[c]) events += log.caseStart[c + 1]! - log.caseStart[c]!;
  return events;
}
