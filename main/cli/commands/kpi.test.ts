import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gemba } from '../cli-run.fixture.ts';

/**
 * The six cases of main/engine/measures/measures-log.fixture.ts as a CSV (hours after Monday
 * 2024-01-01 00:00 UTC), without the start time and the outcome attribute. Cycle times by hand:
 * A 6, B 10, C 12 complete in week 1; D 20, E 20 in week 2; F is still running.
 */
const ROWS: [string, string, number, string, string][] = [
  ['A', 'Receive', 0, 'r1', 'web'],
  ['A', 'Check', 2, 'r2', 'web'],
  ['A', 'Approve', 5, 'r2', 'web'],
  ['A', 'Close', 6, 'r3', 'web'],
  ['B', 'Receive', 24, 'r1', 'phone'],
  ['B', 'Check', 26, 'r2', 'phone'],
  ['B', 'Check', 30, 'r2', 'phone'],
  ['B', 'Close', 34, 'r3', 'phone'],
  ['C', 'Receive', 48, 'r1', 'web'],
  ['C', 'Escalate', 50, 'r4', 'web'],
  ['C', 'Check', 53, 'r2', 'web'],
  ['C', 'Close', 60, 'r3', 'web'],
  ['D', 'Receive', 150, 'r1', 'phone'],
  ['D', 'Reject', 160, 'r4', 'phone'],
  ['D', 'Close', 170, 'r3', 'phone'],
  ['E', 'Receive', 170, 'r1', 'web'],
  ['E', 'Check', 172, 'r1', 'web'],
  ['E', 'Escalate', 180, 'r4', 'web'],
  ['E', 'Escalate', 181, 'r4', 'web'],
  ['E', 'Close', 190, 'r3', 'web'],
  ['F', 'Receive', 190, 'r1', 'web'],
  ['F', 'Check', 195, 'r2', 'web'],
];

const dir = mkdtempSync(join(tmpdir(), 'gemba-kpi-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gemba kpi', () => {
  const file = join(dir, 'orders.csv');
  const ws = join(dir, 'ws');
  const iso = (hours: number) => new Date(Date.UTC(2024, 0, 1) + hours * 3_600_000).toISOString();
  writeFileSync(
    file,
    [
      'case:concept:name,concept:name,time:timestamp,org:resource,case:channel',
      ...ROWS.map(([c, a, h, r, ch]) => `${c},${a},${iso(h)},${r},${ch}`),
    ].join('\n') + '\n',
  );

  it('computes a measure per week as JSON, with its chart input, and copies measures.json into the workspace', async () => {
    expect((await gemba('import', file, '--workspace', ws, '--json')).code).toBe(0);
    const { code, stdout, stderr } = await gemba('kpi', ws, '--measure', 'cycle_time', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.chart.input).toEqual({
      kind: 'variables',
      subgroups: [
        [6, 10, 12],
        [20, 20],
      ],
      labels: ['2024-01-01', '2024-01-08'],
    });
    expect(result.summary.value).toBeCloseTo(13.6, 12);
    expect(result.completion).toMatchObject({ endActivities: ['Close'], completedCases: 5, runningCases: 1 });
    expect(result.basis.fileName).toBe('orders.csv');
    expect(existsSync(join(ws, 'measures.json'))).toBe(true);
  });

  it('takes --activity, --period and --by', async () => {
    const waits = JSON.parse(
      (await gemba('kpi', ws, '--measure', 'waiting_time', '--activity', 'Check', '--period', 'day', '--json')).stdout,
    );
    // Check waits: A 2, B 2 and 4, C 3, E 2, F 5 (running cases count for per-event measures).
    expect(waits.chart.input.subgroups).toEqual([[2], [2, 4], [3], [2], [5]]);
    expect(waits.chart.input.labels).toEqual(['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-08', '2024-01-09']);
    const byChannel = JSON.parse(
      (await gemba('kpi', ws, '--measure', 'defect_rate', '--by', 'channel', '--json')).stdout,
    );
    expect(byChannel.chart.input).toMatchObject({ kind: 'attributes', counts: [0, 1], sizes: [3, 2] });
    expect(byChannel.segments.values.map((s: { segment: string; value: number }) => [s.segment, s.value])).toEqual([
      ['web', 0],
      ['phone', 0.5],
    ]);
  });

  it('with --units lists every value with its case, and the I-MR by case', async () => {
    const result = JSON.parse((await gemba('kpi', ws, '--measure', 'cycle_time', '--units', '--json')).stdout);
    expect(
      result.units.map((u: { case: string; value: number; period: string }) => [u.case, u.value, u.period]),
    ).toEqual([
      ['A', 6, '2024-01-01'],
      ['B', 10, '2024-01-01'],
      ['C', 12, '2024-01-01'],
      ['D', 20, '2024-01-08'],
      ['E', 20, '2024-01-08'],
    ]);
    expect(result.unitChart).toBe('imr');
    expect(result.unitChartInput.subgroups).toEqual([[6], [10], [12], [20], [20]]);
  });

  it('lists every measure as a tile without --measure', async () => {
    const board = JSON.parse((await gemba('kpi', ws, '--json')).stdout);
    expect(board.tiles.map((t: { name: string }) => t.name)).toContain('first_time_right');
    expect(board.tiles.find((t: { name: string }) => t.name === 'throughput').value).toBe(2.5);
    expect(
      board.tiles.find((t: { name: string }) => t.name === 'cycle_time').series.map((s: { value: number }) => s.value),
    ).toEqual([28 / 3, 20]);
    expect((await gemba('kpi', ws, '--units')).stderr).toContain('--units needs --measure NAME');
  });

  it('reads the hand-edited measures.json and names the line of a mistake', async () => {
    const path = join(ws, 'measures.json');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('"slaTarget": null', '"slaTarget": { "value": 8, "unit": "hours" }'));
    expect(JSON.parse((await gemba('kpi', ws, '--measure', 'sla_adherence', '--json')).stdout).summary.value).toBe(0.2);
    const broken = text.replace('"unit": "cases"', '"unit": "orders"');
    writeFileSync(path, broken);
    const bad = await gemba('kpi', ws, '--measure', 'throughput', '--json');
    expect(bad.code).toBe(2);
    const line = broken.split('\n').findIndex((l) => l.includes('"orders"')) + 1;
    expect(bad.stderr).toContain(
      `line ${line}: The measurement schema has a problem: measure "throughput", field unit`,
    );
    expect(bad.stderr).toContain('--restore-measures');
    expect((await gemba('kpi', ws, '--measure', 'throughput', '--restore-measures', '--json')).code).toBe(0);
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe(broken);
  });

  it('takes a working calendar for the SLA from --calendar', async () => {
    const measures = join(ws, 'measures.json');
    writeFileSync(
      measures,
      readFileSync(measures, 'utf8').replace('"slaTarget": null', '"slaTarget": { "value": 8, "unit": "hours" }'),
    );
    const calendar = join(dir, 'calendar.json');
    writeFileSync(
      calendar,
      JSON.stringify({ weekdays: [1, 2, 3, 4, 5], startHour: 8, endHour: 17, holidays: [], timezone: 'UTC' }),
    );
    // Working hours: A 0, B 2, C 4, D 0 (weekend), E 9 → four of five within 8 hours (wall clock: only A).
    expect(
      JSON.parse((await gemba('kpi', ws, '--measure', 'sla_adherence', '--calendar', calendar, '--json')).stdout)
        .summary.value,
    ).toBe(0.8);
    expect(JSON.parse((await gemba('kpi', ws, '--measure', 'sla_adherence', '--json')).stdout).summary.value).toBe(0.2);
  });

  it('says what is wrong with a bad request and exits 2', async () => {
    expect((await gemba('kpi', ws, '--measure', 'lead_time')).stderr).toContain('There is no measure "lead_time"');
    expect((await gemba('kpi', ws, '--measure', 'cycle_time', '--period', 'year')).code).toBe(2);
    expect((await gemba('kpi', ws, '--measure', 'cycle_time', '--chart', 'p')).stderr).toContain(
      'does not fit cycle_time',
    );
  });
});
