import { describe, expect, it } from 'vitest';
import type { ImportRecord, WorkspaceInfo } from '../../preload/api.ts';
import { describeLogChange, detectLogChange } from './log-watch.ts';

function record(id: number, fileName: string, current: boolean): ImportRecord {
  return {
    id,
    fileName,
    fileSize: 10,
    sha256: 'x',
    format: 'csv',
    mapping: null,
    cases: 6,
    events: 42,
    rejectedRows: 0,
    importedAt: '2026-12-04T10:00:00.000Z',
    user: 'me',
    appVersion: '0',
    current,
  };
}

const shown: WorkspaceInfo = { path: '/ws', name: 'ws', current: record(1, 'running-example.csv', true) };

describe('detectLogChange', () => {
  it('sees nothing while the window shows the current import', () => {
    expect(
      detectLogChange(shown, [record(1, 'running-example.csv', true), record(2, 'receipt.xes', false)]),
    ).toBeNull();
  });

  it('names the new log when another window restored or imported one', () => {
    const change = detectLogChange(shown, [record(1, 'running-example.csv', false), record(2, 'receipt.xes', true)]);
    expect(change?.now?.id).toBe(2);
    expect(change?.before).toBe('running-example.csv');
    expect(describeLogChange(change!)).toMatch(/now receipt\.xes \(this window showed running-example\.csv\)/);
  });

  it('notices a first import made elsewhere into an empty workspace', () => {
    const change = detectLogChange({ path: '/ws', name: 'ws', current: null }, [record(3, 'a.csv', true)]);
    expect(change?.now?.fileName).toBe('a.csv');
    expect(change?.before).toBeNull();
    expect(describeLogChange(change!)).not.toMatch(/this window showed/);
  });

  it('says so when the workspace holds no current log any more', () => {
    const change = detectLogChange(shown, []);
    expect(change?.now).toBeNull();
    expect(describeLogChange(change!)).toMatch(/no longer holds a log/);
  });
});
