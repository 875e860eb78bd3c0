import type { Viz } from '@viz-js/viz';
import {
  END_NODE,
  START_NODE,
  type DurationSummary,
  type FrequencyMeasure,
  type MapView,
  type PathStatistics,
  type PerformanceMeasure,
  type ProcessGraph,
} from '../../../preload/api.ts';
import { formatDuration, formatWorkingDuration } from './format-duration.ts';
import { MAP_FONT_FAMILY, textWidth } from './text-width.ts';
import { pathKey } from './simplify.ts';

export interface MapStyle {
  view: MapView;
  frequencyMeasure?: FrequencyMeasure;
  performanceMeasure?: PerformanceMeasure;
  /** `pathKey(from, to)` of paths to mark as bottlenecks. */
  bottlenecks?: ReadonlySet<string>;
}

/**
 * Levels (ranks) for a stable, readable layout, computed from the graph before the paths
 * slider so that moving it never moves a node to another rank. Paths are taken strongest first
 * into an acyclic skeleton (a path that would close a loop is a loop-back and does not count),
 * and a node's level is its longest distance from start in that skeleton: the main flow runs
 * top to bottom and rework loops point back up. `parent` is the node's level-giving predecessor.
 */
export function layoutLevels(full: ProcessGraph): { level: Map<string, number>; parent: Map<string, string> } {
  const paths = [...full.startPaths, ...full.pathStats].sort(
    (x, y) =>
      y.count - x.count || (x.from < y.from ? -1 : x.from > y.from ? 1 : 0) || (x.to < y.to ? -1 : x.to > y.to ? 1 : 0),
  );
  const next = new Map<string, string[]>();
  const reaches = (from: string, target: string): boolean => {
    const seen = new Set([from]);
    const stack = [from];
    while (stack.length) {
      const u = stack.pop()!;
      if (u === target) return true;
      for (const v of next.get(u) ?? []) {
        if (seen.has(v)) continue;
        seen.add(v);
        stack.push(v);
      }
    }
    return false;
  };
  const skeleton: PathStatistics[] = [];
  for (const p of paths) {
    if (p.from === p.to || reaches(p.to, p.from)) continue;
    skeleton.push(p);
    next.set(p.from, [...(next.get(p.from) ?? []), p.to]);
  }
  // Longest path on the acyclic skeleton by relaxation (small graphs); edges stay in strength
  // order, so among predecessors giving the same level the strongest becomes the parent.
  const level = new Map<string, number>([[START_NODE, 0]]);
  const parent = new Map<string, string>();
  for (let changed = true, rounds = 0; changed && rounds <= skeleton.length; rounds++) {
    changed = false;
    for (const p of skeleton) {
      const from = level.get(p.from);
      if (from === undefined) continue;
      if (from + 1 > (level.get(p.to) ?? -1)) {
        level.set(p.to, from + 1);
        parent.set(p.to, p.from);
        changed = true;
      }
    }
  }
  return { level, parent };
}

function frequencyOf(p: PathStatistics, measure: FrequencyMeasure): number {
  return measure === 'case' ? p.caseCount : measure === 'maxRepetitions' ? p.maxRepetitions : p.count;
}

function durationOf(d: DurationSummary, measure: PerformanceMeasure): number {
  return measure === 'median'
    ? (d.medianSeconds ?? NaN)
    : measure === 'max'
      ? d.maxSeconds
      : measure === 'total'
        ? d.totalSeconds
        : d.meanSeconds;
}

/**
 * A DOT string literal of one or more label lines: quotes and backslashes escaped (a backslash
 * would otherwise start a Graphviz escape such as \N), raw line breaks flattened.
 */
function quote(...lines: string[]): string {
  return `"${lines
    .map((text) =>
      text
        .replace(/\\/g, '\\\\')
        .replace(/"/g, '\\"')
        .replace(/[\r\n]+/g, ' '),
    )
    .join('\\n')}"`;
}

/** Long activity names wrap at word boundaries so nodes stay narrow and the map stays readable. */
export function wrapLabel(text: string, width = 26): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** Light-to-dark colour by t in 0..1 between two RGB colours. */
function mix(from: [number, number, number], to: [number, number, number], t: number): string {
  const c = from.map((f, i) => Math.round(f + (to[i] - f) * Math.min(1, Math.max(0, t))));
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

const BLUE_LIGHT: [number, number, number] = [0xea, 0xf1, 0xf8];
const BLUE_DARK: [number, number, number] = [0x1f, 0x5f, 0x99];
const RED_LIGHT: [number, number, number] = [0xfb, 0xee, 0xe6];
const RED_DARK: [number, number, number] = [0xb3, 0x26, 0x1e];
const GREY_EDGE: [number, number, number] = [0xa7, 0xb1, 0xbb];
/** Up to this many shown paths carry inline labels; up to the next, external labels; beyond, none. */
const INLINE_LABEL_PATHS = 90;
const EXTERNAL_LABEL_PATHS = 300;
/** Sum of levels skipped by paths above which the layout gives up fixed levels (see mapToDot). */
const MAX_SPANNED_LEVELS = 600;
const FONT = MAP_FONT_FAMILY;
/** Activity labels' font size and the node's horizontal margin (inches, each side), as in the DOT below. */
const NODE_FONT_SIZE = 12;
const NODE_MARGIN_X = 0.14;

/**
 * The least width (inches) of a node whose label has these lines: the widest line in the bundled
 * font (text-width.ts) plus the margins, and 2% for rounding in the drawing. Graphviz sizes
 * labels with its own metrics (Helvetica's or Times'), narrower than the font the app draws;
 * given as `width`, this is a minimum that Graphviz still widens where it measures more.
 */
export function nodeWidthInches(lines: readonly string[], fontSize = NODE_FONT_SIZE): number {
  const widest = Math.max(0, ...lines.map((line) => textWidth(line, fontSize)));
  return (widest * 1.02) / 72 + 2 * NODE_MARGIN_X;
}

/**
 * The DOT for a map. `shown` is the simplified graph, `full` the graph before the paths slider
 * (same activities): ranks and node order come from `full`, so positions stay put as paths come
 * and go; tree paths that are hidden stay in the layout as invisible constraints.
 */
export function mapToDot(shown: ProcessGraph, full: ProcessGraph, style: MapStyle): string {
  const fm = style.frequencyMeasure ?? 'absolute';
  const pm = style.performanceMeasure ?? 'mean';
  const performance = style.view === 'performance';
  const duration = full.workingTime ? formatWorkingDuration : formatDuration;
  const levels = layoutLevels(full);
  const { parent } = levels;
  // Fixed levels are what keeps the map still while sliders move, but on a tangled graph the
  // longest-path levels get deep and every path spanning many levels costs Graphviz a chain of
  // virtual nodes (seconds, not milliseconds). Past a budget of such spans dot ranks freely.
  const span = (from: string, to: string) =>
    Math.max(0, Math.abs((levels.level.get(to) ?? 0) - (levels.level.get(from) ?? 0)) - 1);
  let spanned = 0;
  for (const p of [...shown.startPaths, ...shown.pathStats, ...shown.endPaths])
    spanned += span(p.from, p.to === END_NODE ? p.from : p.to);
  for (const a of shown.activityStats) {
    const from = parent.get(a.activity);
    if (from !== undefined) spanned += span(from, a.activity);
  }
  const stable = spanned <= MAX_SPANNED_LEVELS;
  const level = stable ? levels.level : new Map<string, number>();
  const order = new Map(full.nodes.map((n, i) => [n.activity, i]));
  const id = new Map<string, string>([
    [START_NODE, 'start'],
    [END_NODE, 'end'],
  ]);
  shown.activityStats.forEach((a, i) => id.set(a.activity, `a${i}`));

  // Edge labels are laid out as nodes of their own, which makes dot superlinear in paths: a
  // busy map gets its figures as external labels instead, a very busy one none (width and colour
  // still encode them, a click shows them), and less crossing minimisation.
  const shownPaths = shown.startPaths.length + shown.pathStats.length + shown.endPaths.length;
  const labelKind = shownPaths <= INLINE_LABEL_PATHS ? 'label' : shownPaths <= EXTERNAL_LABEL_PATHS ? 'xlabel' : null;
  const lines = [
    'digraph process_map {',
    // Compact gaps keep deep maps readable at fit; the halo (haloPathFigures) keeps figures legible where they meet lines.
    `  graph [rankdir=TB, ordering=out, newrank=true, nodesep=0.4, ranksep=0.4, pad=0.25, bgcolor="white", fontname="${FONT}"${labelKind === 'label' ? '' : ', mclimit=0.3'}];`,
    `  node [shape=box, style="rounded,filled", fontname="${FONT}", fontsize=${NODE_FONT_SIZE}, margin="${NODE_MARGIN_X},0.05", penwidth=1, color="#5b6b7a"];`,
    `  edge [fontname="${FONT}", fontsize=11, arrowsize=0.6, fontcolor="#2b2f33"];`,
    // Start and end carry their word inside, so no external label sits where paths arrive.
    `  start [id="node_start", label="start", fontsize=8, fontcolor="#ffffff", shape=circle, width=0.42, fixedsize=true, fillcolor="#3a8f3a", color="#2c6e2c", rank=source];`,
  ];

  // Nodes in a fixed order (level, then overall frequency) so `ordering` sees the same sequence.
  const nodeIndex = shown.activityStats.map((_, i) => i);
  nodeIndex.sort((x, y) => {
    const ax = shown.activityStats[x].activity;
    const ay = shown.activityStats[y].activity;
    return (level.get(ax) ?? 1e9) - (level.get(ay) ?? 1e9) || (order.get(ax) ?? 1e9) - (order.get(ay) ?? 1e9);
  });
  const nodeValue = (i: number) => {
    const a = shown.activityStats[i];
    if (performance) return a.serviceTime ? durationOf(a.serviceTime, pm) : 0;
    return fm === 'case' ? a.caseCount : fm === 'maxRepetitions' ? a.maxRepetitions : a.count;
  };
  const maxNode = Math.max(1e-9, ...shown.activityStats.map((_, i) => nodeValue(i)));
  for (const i of nodeIndex) {
    const a = shown.activityStats[i];
    const t = nodeValue(i) / maxNode;
    const figure = performance
      ? a.serviceTime
        ? duration(durationOf(a.serviceTime, pm))
        : `${a.count}×`
      : String(nodeValue(i));
    const fill = performance
      ? a.serviceTime
        ? mix(RED_LIGHT, RED_DARK, Math.sqrt(t))
        : '#eef1f4'
      : mix(BLUE_LIGHT, BLUE_DARK, Math.sqrt(t));
    const fontcolor = (performance ? a.serviceTime !== null : true) && Math.sqrt(t) > 0.55 ? '#ffffff' : '#1d232a';
    const label = [...wrapLabel(a.activity), figure];
    const width = nodeWidthInches(label).toFixed(3);
    lines.push(
      `  ${id.get(a.activity)} [id="act_${i}", label=${quote(...label)}, width=${width}, fillcolor="${fill}", fontcolor="${fontcolor}"];`,
    );
  }
  lines.push(
    `  end [id="node_end", label="end", fontsize=8, fontcolor="#ffffff", shape=doublecircle, width=0.38, fixedsize=true, fillcolor="#b03a2e", color="#7d2a21", rank=sink];`,
  );

  const edgeValue = (p: PathStatistics, artificial: boolean) =>
    performance ? (artificial ? 0 : durationOf(p.waitingTime, pm)) : frequencyOf(p, fm);
  const maxEdge = Math.max(
    1e-9,
    ...shown.pathStats.map((p) => edgeValue(p, false)),
    ...(performance ? [] : [...shown.startPaths, ...shown.endPaths].map((p) => edgeValue(p, true))),
  );
  const position = (name: string) => (name === START_NODE ? -1 : name === END_NODE ? 1e9 : (order.get(name) ?? 1e8));
  const emitted = new Set<string>();
  const edges: { line: string; from: string; to: string }[] = [];
  const addEdge = (p: PathStatistics, elementId: string, artificial: boolean) => {
    emitted.add(pathKey(p.from, p.to));
    const value = edgeValue(p, artificial);
    const t = value / maxEdge;
    const bottleneck = !artificial && style.bottlenecks?.has(pathKey(p.from, p.to));
    const forward = !stable || (level.get(p.from) ?? 0) < (level.get(p.to) ?? 1e9) || p.to === END_NODE;
    const attrs = [
      `id="${elementId}"`,
      ...(labelKind
        ? [`${labelKind}=${quote(` ${performance ? (artificial ? '' : duration(value)) : String(value)} `)}`]
        : []),
      `penwidth=${(1 + 5 * t).toFixed(2)}`,
      `color="${bottleneck ? '#d62728' : performance ? (artificial ? '#c3cad1' : mix(GREY_EDGE, RED_DARK, t)) : mix(GREY_EDGE, BLUE_DARK, t)}"`,
    ];
    const throughHidden = !artificial && (p.throughHidden ?? 0) > 0;
    const classes = [...(bottleneck ? ['bottleneck'] : []), ...(throughHidden ? ['through-hidden'] : [])];
    if (classes.length) attrs.push(`class="${classes.join(' ')}"`);
    if (bottleneck) attrs.push('fontcolor="#d62728"');
    // Start and end paths are dotted; paths that pass through hidden activities dashed (the legend says so).
    if (artificial) attrs.push('style=dotted');
    else if (throughHidden) attrs.push('style=dashed');
    if (!forward) attrs.push('constraint=false');
    edges.push({ line: `  ${id.get(p.from)} -> ${id.get(p.to)} [${attrs.join(', ')}];`, from: p.from, to: p.to });
  };
  shown.startPaths.forEach((p, i) => addEdge(p, `start_${i}`, true));
  shown.pathStats.forEach((p, i) => addEdge(p, `path_${i}`, false));
  shown.endPaths.forEach((p, i) => addEdge(p, `end_${i}`, true));
  // Hidden tree paths keep their node's rank when the paths slider hides them.
  for (const a of stable ? shown.activityStats : []) {
    const from = parent.get(a.activity);
    if (from !== undefined && id.has(from) && !emitted.has(pathKey(from, a.activity))) {
      edges.push({ line: `  ${id.get(from)} -> ${id.get(a.activity)} [style=invis];`, from, to: a.activity });
    }
  }
  edges.sort((x, y) => position(x.from) - position(y.from) || position(x.to) - position(y.to));
  lines.push(...edges.map((e) => e.line), '}');
  return lines.join('\n');
}

let vizInstance: Promise<Viz> | null = null;

/**
 * Graphviz (WASM) renders DOT to SVG; the instance is created once per process, and the package
 * is loaded only then, so commands that draw no map do not pay for loading it.
 */
export async function renderDot(dot: string): Promise<string> {
  vizInstance ??= import('@viz-js/viz').then((viz) => viz.instance());
  const viz = await vizInstance;
  const svg = viz.renderString(dot, { format: 'svg', engine: 'dot' });
  // The prolog and DOCTYPE are not needed inline and would break embedding in HTML.
  return haloPathFigures(svg.slice(svg.indexOf('<svg')));
}

/**
 * Path figures get a white halo (a stroke painted under the fill), so where a figure meets a
 * line — its own or a crossing one — the digits stay readable. Attributes, not CSS, so the
 * exported file looks the same.
 */
export function haloPathFigures(svg: string): string {
  return svg.replace(/(<g id="[^"]*" class="edge[^"]*">[\s\S]*?<\/g>)/g, (group) =>
    group.replace(/<text /g, '<text stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke" '),
  );
}
