import { describe, expect, it } from 'vitest';
import { directlyFollows } from '../analysis/directly-follows.ts';
import { logFromTraces, runningExample } from '../analysis/logs.fixture.ts';
import { bottlenecks } from './bottlenecks.ts';
import { formatDuration } from './format-duration.ts';
import { layoutLevels, mapToDot, nodeWidthInches, renderDot, wrapLabel } from './layout.ts';
import { MAX_SHOWN_PATHS, processMap } from './process-map.ts';
import { simplifyPaths } from './simplify.ts';
import { textWidth } from './text-width.ts';

/** y of each element's first text, by element id, from Graphviz SVG. */
function textY(svg: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of svg.matchAll(/<g id="(act_\d+)" class="node">[\s\S]*?<text[^>]* y="([-\d.]+)"/g))
    out.set(m[1], Number(m[2]));
  return out;
}

describe('layoutLevels', () => {
  it('ranks the main flow top to bottom with loops pointing back (running example, by hand)', () => {
    // Strongest first: CT→D 6, S→R 6, EC→CT 4, D→P/RI/RJ 3, R→EC 3 join the skeleton; CT→EC
    // would close EC→CT→EC and is a loop-back; EC→D, ET→CT, R→CT join; CT→ET closes ET→CT;
    // ET→D, R→ET join; RI→CT, RI→EC, RI→ET all close a loop through decide.
    // Longest distances: R 1, EC 2, ET 2 (via R), CT 3, D 4, P/RI/RJ 5.
    const { level, parent } = layoutLevels(directlyFollows(runningExample()));
    expect(Object.fromEntries(level)).toEqual({
      '▶ start': 0,
      'register request': 1,
      'examine casually': 2,
      'examine thoroughly': 2,
      'check ticket': 3,
      decide: 4,
      'pay compensation': 5,
      'reinitiate request': 5,
      'reject request': 5,
    });
    expect(parent.get('check ticket')).toBe('examine casually'); // EC→CT (4) beats ET→CT (2) at equal level
    expect(parent.get('decide')).toBe('check ticket');
  });
});

describe('mapToDot and renderDot', () => {
  it('escapes labels so names are shown as text', async () => {
    const log = logFromTraces({ a: ['<script>alert(1)</script>', 'say "hi" \\N'] });
    const g = directlyFollows(log);
    const dot = mapToDot(g, g, { view: 'frequency' });
    expect(dot).toContain('label="say \\"hi\\" \\\\N\\n1"');
    const svg = await renderDot(dot);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('say &quot;hi&quot; \\N');
  });

  it('keeps node ranks when the paths slider moves', async () => {
    const g = directlyFollows(runningExample());
    const all = textY(await renderDot(mapToDot(simplifyPaths(g, 1), g, { view: 'frequency' })));
    const few = textY(await renderDot(mapToDot(simplifyPaths(g, 0.2), g, { view: 'frequency' })));
    expect(all.size).toBe(8);
    expect(few).toEqual(all);
  });

  it('labels paths with their most repetitions within a case in the max-repetitions view', async () => {
    const map = await processMap(runningExample(), null, {
      activities: 1,
      paths: 1,
      view: 'frequency',
      frequencyMeasure: 'maxRepetitions',
    });
    const label = (from: string, to: string) => {
      const i = map.graph.pathStats.findIndex((p) => p.from === from && p.to === to);
      return new RegExp(`<g id="path_${i}" class="edge[^"]*">[\\s\\S]*?> (\\d+) <`).exec(map.svg)?.[1];
    };
    // check ticket → decide is taken 6 times, at most twice in one case (cases 3 and 5).
    expect(label('check ticket', 'decide')).toBe('2');
    expect(label('register request', 'examine casually')).toBe('1');
  });

  it('labels working time in hours, and a wait wholly outside working hours as 0 h, not "instant"', async () => {
    // Minutes from Monday 2024-01-01 00:00 UTC. x: A Mon 17:00 → B Tue 10:00 = 1 working hour (9–10), 17 h wall clock.
    // y: C Fri 17:00 → D Sat 14:00 = no working time, 21 h wall clock.
    const log = logFromTraces({
      x: [
        { activity: 'A', at: 1020 },
        { activity: 'B', at: 2040 },
      ],
      y: [
        { activity: 'C', at: 6780 },
        { activity: 'D', at: 8040 },
      ],
    });
    const calendar = { weekdays: [1, 2, 3, 4, 5], startHour: 9, endHour: 17, holidays: [], timezone: 'UTC' };
    const working = await processMap(log, null, { activities: 1, paths: 1, view: 'performance', calendar });
    expect(working.svg).toContain('> 1 h <');
    expect(working.svg).toContain('> 0 h <');
    expect(working.svg).not.toContain('instant');
    const wall = await processMap(log, null, { activities: 1, paths: 1, view: 'performance' });
    expect(wall.svg).toContain('> 17 h <');
    expect(wall.svg).toContain('> 21 h <');
  });

  it('encodes the performance view and marks bottlenecks', async () => {
    const map = await processMap(runningExample(), null, {
      activities: 1,
      paths: 1,
      view: 'performance',
      bottlenecks: 1,
    });
    // total waiting by hand: decide → pay compensation 521,400 + 261,780 + 759,300 = 1,542,480 s
    // beats check ticket → decide 1,091,760 s
    expect(map.bottlenecks[0]).toMatchObject({
      kind: 'path',
      from: 'decide',
      to: 'pay compensation',
      totalSeconds: 1542480,
    });
    expect(map.bottlenecks[1]).toMatchObject({
      kind: 'path',
      from: 'check ticket',
      to: 'decide',
      totalSeconds: 1091760,
    });
    const index = map.graph.pathStats.findIndex((p) => p.from === 'decide' && p.to === 'pay compensation');
    expect(map.svg).toMatch(new RegExp(`<g id="path_${index}" class="edge bottleneck">`));
    expect(map.svg.match(/class="edge bottleneck"/g)).toHaveLength(1);
    expect(map.svg).toContain('> 2.1 d <'); // check ticket → decide mean, 181,960 s
    expect(map.totalActivities).toBe(8);
    expect(map.totalPaths).toBe(16);
  });
});

describe('bottlenecks', () => {
  it('ranks paths by total waiting time, not by mean', () => {
    // A→B: 10 × 1 min = 600 s total; A→C: 1 × 5 min = 300 s total
    const traces: Record<string, { activity: string; at: number }[]> = {
      x: [
        { activity: 'A', at: 0 },
        { activity: 'C', at: 5 },
      ],
    };
    for (let i = 0; i < 10; i++)
      traces[`b${i}`] = [
        { activity: 'A', at: 0 },
        { activity: 'B', at: 1 },
      ];
    const ranked = bottlenecks(directlyFollows(logFromTraces(traces)));
    expect(ranked.map((b) => [b.from, b.to, b.totalSeconds])).toEqual([
      ['A', 'B', 600],
      ['A', 'C', 300],
    ]);
    expect(ranked[0].share).toBeCloseTo(2 / 3, 12);
  });
});

describe('formatDuration', () => {
  it('picks a short unit', () => {
    expect(formatDuration(0)).toBe('instant');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(90)).toBe('1.5 min');
    expect(formatDuration(13 * 3600)).toBe('13 h');
    expect(formatDuration(181960)).toBe('2.1 d');
    expect(formatDuration(9 * 86400)).toBe('1.3 wk');
  });
});

describe('wrapLabel', () => {
  it('wraps at word boundaries within the width', () => {
    // 26 characters: "T09-1 Process or receive" (24) + " external" would be 33; "external advice from party" is 26 exactly
    expect(wrapLabel('T09-1 Process or receive external advice from party 1')).toEqual([
      'T09-1 Process or receive',
      'external advice from party',
      '1',
    ]);
    expect(wrapLabel('T09-1 Process or receive external advice from party 1', 22)).toEqual([
      'T09-1 Process or',
      'receive external',
      'advice from party 1',
    ]);
    expect(wrapLabel('decide')).toEqual(['decide']);
    expect(wrapLabel('averyveryverylongsingleword_without_spaces')).toEqual([
      'averyveryverylongsingleword_without_spaces',
    ]);
  });
});

describe('dense maps', () => {
  it('stop at MAX_SHOWN_PATHS paths and drop inline edge labels, so layout stays bounded', async () => {
    const traces: Record<string, string[]> = {};
    let seed = 3;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let c = 0; c < 3000; c++)
      traces[`c${c}`] = Array.from(
        { length: 4 + Math.floor(random() * 10) },
        () => `act ${Math.floor(random() * random() * 60)}`,
      );
    const log = logFromTraces(traces);
    const map = await processMap(log, null, { activities: 1, paths: 1, view: 'frequency' });
    expect(map.totalPaths).toBeGreaterThan(2000);
    expect(map.pathsLimited).toBe(true);
    const shown = map.graph.edges.length + map.graph.startPaths.length + map.graph.endPaths.length;
    // 400 by the cap, plus at most one path into and one out of each of the 60 activities for connectivity
    expect(shown).toBeGreaterThanOrEqual(MAX_SHOWN_PATHS);
    expect(shown).toBeLessThanOrEqual(MAX_SHOWN_PATHS + 120);
    const pathGroups = [...map.svg.matchAll(/<g id="path_\d+" class="edge">([\s\S]*?)<\/g>/g)].map((m) => m[1]);
    expect(pathGroups.length).toBe(map.graph.edges.length);
    expect(pathGroups.filter((g) => g.includes('<text'))).toEqual([]); // no figures on paths at this density
    const sparse = await processMap(log, null, { activities: 1, paths: 0.005, view: 'frequency' });
    expect(
      [...sparse.svg.matchAll(/<g id="path_\d+" class="edge">([\s\S]*?)<\/g>/g)].every((m) => m[1].includes('<text')),
    ).toBe(true);
    expect(sparse.pathsLimited).toBe(false);
  });
});

describe('the SVG contract of preload/api.ts (ProcessMap.svg)', () => {
  it('names elements act_i, path_i, start_i, end_i, node_start and node_end, as the comment says', async () => {
    const map = await processMap(runningExample(), null, { activities: 1, paths: 1, view: 'frequency' });
    const ids = new Set([...map.svg.matchAll(/<g id="([^"]+)" class="(?:node|edge)[^"]*"/g)].map((m) => m[1]));
    const expected = [
      ...map.graph.activityStats.map((_, i) => `act_${i}`),
      ...map.graph.pathStats.map((_, i) => `path_${i}`),
      ...map.graph.startPaths.map((_, i) => `start_${i}`),
      ...map.graph.endPaths.map((_, i) => `end_${i}`),
      'node_start',
      'node_end',
    ];
    expect([...ids].sort()).toEqual(expected.sort());
    // act_i is activityStats[i]: the running example's most frequent activity is decide (9)
    expect(map.svg).toMatch(/<g id="act_0" class="node">[\s\S]*?>decide<[\s\S]*?>9<\/text>/);
    // path figures carry a white halo so they stay readable where they meet a line
    expect(map.svg).toMatch(
      /<g id="path_0" class="edge">[\s\S]*?<text stroke="#ffffff"[^>]*paint-order="stroke"[^>]*> 6 <\/text>/,
    );
    const node = /<g id="act_0" class="node">[\s\S]*?<\/g>/.exec(map.svg)![0];
    expect(node).not.toContain('stroke="#ffffff"'); // node labels sit on their fill, no halo
  });
});

/** Graphviz writes '-' as &#45; and '&' as &amp;. */
const unescapeXml = (text: string) =>
  text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('node sizes in the bundled font (issue 12, defect 2: clipped labels)', () => {
  it('draws every activity box at least as wide as its label in DejaVu Sans', async () => {
    const names = [
      '02 Check confirmation of receipt',
      'T07-5 Draft intern advice aspect 5',
      'WWWWWWWWWWWWWWWWWWWWWWWW',
      'i',
    ];
    const traces: Record<string, string[]> = {};
    names.forEach((_, i) => (traces[`c${i}`] = names.slice(0, i + 1)));
    const g = directlyFollows(logFromTraces(traces));
    const svg = await renderDot(mapToDot(simplifyPaths(g, 1), g, { view: 'frequency' }));
    expect(svg).toContain('font-family="Gemba Sans,DejaVu Sans,sans-serif"');
    for (const m of svg.matchAll(/<g id="act_\d+" class="node">([\s\S]*?)<\/g>/g)) {
      const body = m[1]!;
      const xs = [...body.matchAll(/([-\d.]+),[-\d.]+/g)].map((p) => Number(p[1]));
      const box = Math.max(...xs) - Math.min(...xs);
      const texts = [...body.matchAll(/font-size="([\d.]+)"[^>]*>([^<]*)</g)].map((t) =>
        textWidth(unescapeXml(t[2]!), Number(t[1])),
      );
      expect(texts.length).toBeGreaterThan(0);
      // The box holds the widest line and the margins (0.14 in = 10.08 pt each side).
      expect(box).toBeGreaterThanOrEqual(Math.max(...texts) + 2 * 10.08 - 0.5);
    }
    expect(nodeWidthInches(['WWWW'])).toBeCloseTo((((4 * 2025) / 2048) * 12 * 1.02) / 72 + 0.28, 9);
  });
});
