import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gemba } from '../cli/cli-run.fixture.ts';
import { checkCallArguments } from './call-arguments.ts';
import { CYCLE_CSV } from './cycle-log.fixture.ts';
import { LocalEngine } from './local-engine.ts';

const dir = mkdtempSync(join(tmpdir(), 'gemba-measures-service-'));
const ws = join(dir, 'ws');
let engine: LocalEngine;

beforeAll(async () => {
  const file = join(dir, 'cycle.csv');
  writeFileSync(file, `${CYCLE_CSV}\n`);
  const imported = await gemba('import', file, '--workspace', ws, '--json');
  expect(imported.stderr).toBe('');
  engine = new LocalEngine({ mode: 'cli', userDataDir: join(dir, 'user'), defaultWorkspaceDir: dir });
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('measures over the contract', () => {
  it('gives one measure in full: weekly means, the chart input, a split by region, every value with its case', async () => {
    // Cycle times by hand (cycle-log.fixture.ts): week 1 2, 4, 6 h; week 2 3, 5 h; week 3 10, 12 h.
    const detail = await engine.measure(ws, { measure: 'cycle_time', by: 'region', units: true });
    expect(detail.summary.value).toBe(6);
    expect(detail.summary.series.map((p) => p.value)).toEqual([4, 4, 11]);
    expect(detail.chart.input).toMatchObject({
      kind: 'variables',
      subgroups: [
        [2, 4, 6],
        [3, 5],
        [10, 12],
      ],
      labels: ['2024-01-01', '2024-01-08', '2024-01-15'],
    });
    const north = detail.segments!.values.find((v) => v.segment === 'north')!;
    expect(north.value).toBe(6.25);
    expect(detail.units!.map((u) => `${u.case}:${u.value}`)).toEqual([
      'c1:2',
      'c2:4',
      'c3:6',
      'c4:3',
      'c5:5',
      'c6:10',
      'c7:12',
    ]);
    // Filtered like every view: only the south cases.
    const south = await engine.measure(ws, {
      measure: 'cycle_time',
      filters: [{ kind: 'eventAttribute', attribute: 'region', values: ['south'] }],
    });
    expect(south.summary.value).toBeCloseTo(17 / 3, 12);
    expect(() => checkCallArguments('measure', [ws, { measure: 'cycle_time', units: 'yes' }])).toThrow(/units/);
    expect(() => checkCallArguments('measure', [ws, { measure: 'cycle_time', period: 'fortnight' }])).toThrow(/period/);
  });

  it('lists the workspace copy of the schema with the charts that fit each measure', async () => {
    const info = await engine.measures(ws);
    expect(info.path).toBe(join(ws, 'measures.json'));
    expect(JSON.parse(readFileSync(info.path, 'utf8')).measures.map((m: { name: string }) => m.name)).toEqual(
      info.measures.map((m) => m.name),
    );
    const cycle = info.measures.find((m) => m.name === 'cycle_time')!;
    expect(cycle).toMatchObject({
      per: 'completed case',
      takesActivity: false,
      charts: ['xbar-s', 'xbar-r', 'imr', 'ewma', 'cusum'],
    });
    expect(info.measures.find((m) => m.name === 'waiting_time')!.takesActivity).toBe(true);
    expect(info.measures.find((m) => m.name === 'defect_rate')).toMatchObject({
      per: 'completed case',
      charts: ['p', 'laney-p', 'np'],
      takesActivity: true,
    });
  });

  it('offers the log’s activities, attributes and suggestions to pick the parameters from', async () => {
    const choices = await engine.measureParameterChoices(ws);
    expect([...choices.activities].sort()).toEqual(['Close', 'Receive']);
    expect(choices.attributes.map((a) => a.name)).toContain('region');
    // r1 ends with Receive, every other case with Close: Close is the end activity.
    expect(choices.inferredEndActivities).toEqual(['Close']);
    // Nine cases in ten within the target: the 90th percentile of 2, 3, 4, 5, 6, 10, 12 h is the 7th value, 12 h.
    expect(choices.suggested.slaTarget).toEqual({ value: 12, unit: 'hours' });
    expect(choices.suggested.exceptionActivities).toEqual([]);
  });

  it('refuses a bad schema with the measure and field named, and keeps the file as it was', async () => {
    const { schema } = await engine.measures(ws);
    const before = readFileSync(join(ws, 'measures.json'), 'utf8');
    const bad = structuredClone(schema);
    bad.measures[0].chart.byPeriod = 'p';
    await expect(engine.saveMeasures(ws, bad)).rejects.toThrow(/measure "cycle_time", field chart.byPeriod/);
    expect(readFileSync(join(ws, 'measures.json'), 'utf8')).toBe(before);
    const renamed = structuredClone(schema);
    renamed.measures[0].title = 'Lead time';
    expect((await engine.saveMeasures(ws, renamed)).measures[0].title).toBe('Lead time');
    expect((await engine.restoreDefaultMeasures(ws)).measures[0].title).toBe('Cycle time');
  });

  it('KPI tiles: value, median, weekly series, trend and segments, with the log basis', async () => {
    const board = await engine.kpis(ws, { period: 'week', by: 'region' });
    expect(board.basis.fileName).toBe('cycle.csv');
    const cycle = board.tiles.find((t) => t.name === 'cycle_time')!;
    expect(cycle.value).toBeCloseTo(6, 12);
    expect(cycle.median).toBe(5);
    expect(cycle.n).toBe(7);
    expect(cycle.series.map((s) => [s.period, s.value, s.n])).toEqual([
      ['2024-01-01', 4, 3],
      ['2024-01-08', 4, 2],
      ['2024-01-15', 11, 2],
    ]);
    expect(cycle.trend).toMatchObject({ last: 11, previous: 4, change: 7 });
    const segments = Object.fromEntries(cycle.segments!.map((s) => [s.segment, s.value]));
    expect(segments.north).toBeCloseTo(6.25, 12);
    expect(segments.south).toBeCloseTo(17 / 3, 12);
    const throughput = board.tiles.find((t) => t.name === 'throughput')!;
    expect(throughput.series.map((s) => s.value)).toEqual([3, 2, 2]);
    // No activity of Receive/Close reads as an exception: that tile says why and what to do; the others still compute.
    const exceptions = board.tiles.find((t) => t.name === 'exception_frequency')!;
    expect(exceptions).toMatchObject({ value: null, n: 0 });
    expect(exceptions.problem).toMatch(/exception/i);
    expect(exceptions.problem).toContain('measures’ parameters');
    expect(exceptions.problem).not.toMatch(/--activity|measures\.json/);
    await expect(engine.kpis(ws, { by: 'colour' })).rejects.toThrow(/Cannot split by "colour"/);
  });

  it('a control chart by week: subgroup means, the period and the cases behind each point', async () => {
    const view = await engine.controlChart(ws, { measure: 'cycle_time', period: 'week' });
    expect(view.chart).toBe('xbar-s');
    expect(view.charts.map((c) => c.name)).toEqual(['Xbar', 'S']);
    expect(view.charts[0].points).toEqual([4, 4, 11]);
    expect(view.charts[0].n).toEqual([3, 2, 2]);
    // The log runs from Tuesday 2024-01-02 08:00 to Thursday 2024-01-18 08:00: its first week is
    // covered for 136 of 168 hours, its last for 80; each such point says how much.
    expect(view.points).toEqual([
      {
        label: '2024-01-01',
        from: '2024-01-01T00:00:00.000Z',
        to: '2024-01-08T00:00:00.000Z',
        cases: 3,
        covered: expect.closeTo(136 / 168, 6),
      },
      { label: '2024-01-08', from: '2024-01-08T00:00:00.000Z', to: '2024-01-15T00:00:00.000Z', cases: 2 },
      {
        label: '2024-01-15',
        from: '2024-01-15T00:00:00.000Z',
        to: '2024-01-22T00:00:00.000Z',
        cases: 2,
        covered: expect.closeTo(80 / 168, 6),
      },
    ]);
    expect(view.tests.map((t) => t.description)[1]).toBe('Test 2: 9 points in a row on same side of center line');
    const behind = await engine.chartPointCases(ws, { measure: 'cycle_time', period: 'week' }, 2);
    expect(behind).toMatchObject({
      cases: 2,
      filter: { kind: 'cases', caseIds: ['c6', 'c7'], label: 'Cycle time, week of 2024-01-15' },
    });
    // The chip filters every view to exactly those cases.
    expect((await engine.statistics(ws, [behind.filter])).cases).toBe(2);
    await expect(engine.chartPointCases(ws, { measure: 'cycle_time' }, 3)).rejects.toThrow(/no point 3; it has 3/);
  });

  it('the chooser’s advice and capability against a one-sided spec ride along with the chart', async () => {
    const view = await engine.controlChart(ws, { measure: 'cycle_time', specs: { usl: 11 } });
    // Subgroups of 3, 2 and 2 values: sizes vary, so Xbar-S, and 3 subgroups are too few for firm limits.
    expect(view.advice).toMatchObject({ chart: 'xbar-s', dataType: 'subgroups' });
    expect(view.advice!.checks.find((c) => c.name === 'subgroups')).toMatchObject({ status: 'warning', value: 3 });
    const cap = view.capability!;
    expect(cap.n).toBe(7);
    expect(cap.mean).toBeCloseTo(6, 12);
    // One value of seven (c7, 12 h) is above the USL of 11 h: 1/7 of a million parts.
    expect(cap.observedPpm.below).toBe(0);
    expect(cap.observedPpm.above).toBeCloseTo(1e6 / 7, 6);
    expect(cap.observedPpm.total).toBeCloseTo(1e6 / 7, 6);
    expect(cap.indices.cp).toBeNull();
    expect(cap.histogram.usl).toBe(11);
    // Leaving c6 and c7’s week out of the limits leaves it out of capability too.
    expect(
      (await engine.controlChart(ws, { measure: 'cycle_time', specs: { usl: 11 }, exclude: [2] })).capability!
        .observedPpm.total,
    ).toBe(0);
    // A baseline of the first two weeks (c1–c5, week means 4 h and 4 h) is what capability describes, as the limits do.
    const based = await engine.controlChart(ws, {
      measure: 'cycle_time',
      specs: { usl: 11 },
      baseline: { from: '2024-01-01', to: '2024-01-08' },
    });
    expect(based.capability!.n).toBe(5);
    expect(based.capability!.mean).toBeCloseTo((4 * 3 + 4 * 2) / 5, 12);
    expect(based.capability!.observedPpm.total).toBe(0);
    expect(based.notes.join(' ')).toContain("Capability uses the baseline's 2 points (2024-01-01 to 2024-01-08)");
    expect(
      (await engine.controlChart(ws, { measure: 'cycle_time', specs: { usl: 11 }, baseline: 1 })).capability!.n,
    ).toBe(3);
    const share = await engine.controlChart(ws, { measure: 'rework_rate', specs: { usl: 0.1 } });
    expect(share.capability).toBeNull();
    expect(share.notes.join(' ')).toContain('Capability is for measured values');
    await expect(engine.controlChart(ws, { measure: 'cycle_time', specs: { lsl: 5, usl: 2 } })).rejects.toThrow(
      /LSL \(5\) must be below the USL \(2\)/,
    );
  });

  it('weeks in the user’s zone start at local midnight', async () => {
    const view = await engine.controlChart(ws, { measure: 'cycle_time', timeZone: 'Europe/Berlin' });
    expect(view.points[0]).toMatchObject({
      label: '2024-01-01',
      from: '2023-12-31T23:00:00.000Z',
      to: '2024-01-07T23:00:00.000Z',
    });
  });

  it('a baseline given as dates: limits from the points whose period starts in it, named as such, no point "excluded"', async () => {
    const view = await engine.controlChart(ws, {
      measure: 'throughput',
      baseline: { from: '2024-01-08', to: '2024-01-31' },
    });
    expect(view.charts[0].name).toBe('I');
    expect(view.charts[0].points).toEqual([3, 2, 2]);
    expect(view.charts[0].excluded).toEqual([]);
    expect(view.charts[0].baselinePoints).toEqual([1, 2]);
    // I chart centre from weeks 2 and 3 only: (2 + 2) / 2.
    expect(view.charts[0].center).toBe(2);
    await expect(
      engine.controlChart(ws, { measure: 'throughput', baseline: { from: '2024-01-20', to: '2024-01-31' } }),
    ).rejects.toThrow(/holds 0 points/);
  });

  it('a date baseline with phases: the baseline sets phase 1, and one that runs into phase 2 is named in dates', async () => {
    await expect(
      engine.controlChart(ws, {
        measure: 'throughput',
        baseline: { from: '2024-01-01', to: '2024-01-31' },
        phases: [1],
      }),
    ).rejects.toThrow(
      /covers points 0 to 2 \(2024-01-01 to 2024-01-15\), but the second phase starts at point 1 \(2024-01-08\)/,
    );
  });

  it('one point per case in time order, each naming its case', async () => {
    const view = await engine.controlChart(ws, { measure: 'cycle_time', byUnit: true });
    expect(view.chart).toBe('imr');
    expect(view.charts[0].points).toEqual([2, 4, 6, 3, 5, 10, 12]);
    expect(view.points.map((p) => p.caseId)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']);
    const behind = await engine.chartPointCases(ws, { measure: 'cycle_time', byUnit: true }, 5);
    expect(behind.filter).toMatchObject({ kind: 'cases', caseIds: ['c6'], label: 'Cycle time, case c6' });
    await expect(engine.controlChart(ws, { measure: 'cycle_time', byUnit: true, chart: 'xbar-s' })).rejects.toThrow(
      /needs subgroups/,
    );
    await expect(engine.controlChart(ws, { measure: 'throughput', byUnit: true })).rejects.toThrow(
      /one value per period/,
    );
  });

  it('arguments off the wire are checked and named', () => {
    expect(() => checkCallArguments('controlChart', [ws, { measure: 'cycle_time', chart: 'pie' }])).toThrow(
      /controlChart argument 2.chart must be one of imr/,
    );
    expect(() => checkCallArguments('controlChart', [ws, { measure: 'cycle_time', rules: 'all' }])).toThrow(
      /rules must be test numbers or one of/,
    );
    expect(() => checkCallArguments('controlChart', [ws, { measure: 'cycle_time', testK: { 9: 2 } }])).toThrow(
      /testK.9 is not a test number/,
    );
    expect(() => checkCallArguments('kpis', [ws, { period: 'year' }])).toThrow(
      /period must be one of day, week, month/,
    );
    expect(checkCallArguments('chartPointCases', [ws, { measure: 'x', rules: [1, 2] }, 0])).toEqual([
      ws,
      { measure: 'x', rules: [1, 2] },
      0,
    ]);
  });
});
