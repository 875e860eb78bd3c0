import { plotlyText, type PlotlyObject } from '../../components/plotly-figure.ts';

export interface WaterfallInput {
  baseValue: number;
  contributions: { feature: string; value: number | null; contribution: number }[];
  /** Sum of contributions not listed (running-case explanations list only the top ones). */
  rest?: number;
  prediction: number;
  /** What the numbers are, for the axis ("anomaly score", "remaining hours"). */
  unit: string;
  /** Bars shown; the remaining contributions are summed into one "other features" bar. */
  top?: number;
  /** What the last bar is ("this case", "this type, on average", "now"). */
  subject?: string;
}

export interface WaterfallStep {
  label: string;
  measure: 'absolute' | 'relative' | 'total';
  amount: number;
  /** The feature's value, for the hover text. */
  value?: number | null;
}

const TOP = 10;

/**
 * The explanation as waterfall steps: the base value (the model's average output), then each
 * feature's contribution, largest magnitude first so the first (and longest) bar is the main
 * cause, the rest summed, and the prediction as the total. Additive by construction of the
 * explanation (TreeSHAP): base + Σ contributions = prediction, which the last step checks.
 */
export function waterfallSteps(input: WaterfallInput): WaterfallStep[] {
  const top = input.top ?? TOP;
  const sorted = [...input.contributions].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  const shown = sorted.slice(0, top);
  const others = sorted.slice(top).reduce((s, c) => s + c.contribution, 0) + (input.rest ?? 0);
  const steps: WaterfallStep[] = [{ label: 'usual (base value)', measure: 'absolute', amount: input.baseValue }];
  for (const c of shown) steps.push({ label: c.feature, measure: 'relative', amount: c.contribution, value: c.value });
  if (others !== 0)
    steps.push({
      label: sorted.length > shown.length ? `${sorted.length - shown.length} other features` : 'other features',
      measure: 'relative',
      amount: others,
    });
  steps.push({ label: `${input.subject ?? 'this case'} (prediction)`, measure: 'total', amount: input.prediction });
  return steps;
}

/** The largest gap between base + Σ steps and the prediction (0 up to rounding when additive). */
export function additivityGap(steps: WaterfallStep[]): number {
  const sum = steps.filter((s) => s.measure !== 'total').reduce((s, x) => s + x.amount, 0);
  const total = steps.find((s) => s.measure === 'total')?.amount ?? sum;
  return Math.abs(sum - total);
}

/** Bar labels short enough to sit beside a bar: 8,492,259 → "8.49M", 12,474 → "12.5k". */
export function formatAmount(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e6) return `${(x / 1e6).toFixed(2)}M`;
  if (a >= 1e4) return `${(x / 1e3).toFixed(1)}k`;
  return a >= 100 ? x.toFixed(0) : a >= 1 ? x.toFixed(2) : x.toPrecision(2);
}
const format = formatAmount;

/**
 * The x range with room for the labels printed outside the bars: from the lowest to the highest
 * running total (and 0), widened by a share of the span on each side, so the main bar's value is
 * never cut off at the plot's edge (the trial's "+8492259…" at 1280 px).
 */
export function waterfallRange(steps: WaterfallStep[]): [number, number] {
  let lo = 0;
  let hi = 0;
  let level = 0;
  for (const s of steps) {
    level = s.measure === 'relative' ? level + s.amount : s.amount;
    lo = Math.min(lo, level);
    hi = Math.max(hi, level);
  }
  const pad = 0.2 * (hi - lo || 1);
  return [lo < 0 ? lo - pad : lo, hi + pad];
}

/** Plotly's waterfall trace, horizontal so feature names read, the first step on top. */
export function waterfallChart(input: WaterfallInput): { data: PlotlyObject[]; layout: PlotlyObject } {
  const steps = waterfallSteps(input);
  // Feature names carry activity and attribute names from the log: plotly must show them as text.
  const labels = steps.map((s) => plotlyText(s.label));
  return {
    data: [
      {
        type: 'waterfall',
        orientation: 'h',
        y: labels,
        x: steps.map((s) => s.amount),
        measure: steps.map((s) => s.measure),
        text: steps.map((s) =>
          s.measure === 'relative' ? `${s.amount >= 0 ? '+' : ''}${format(s.amount)}` : format(s.amount),
        ),
        textposition: 'outside',
        cliponaxis: false,
        hovertext: steps.map((s, i) =>
          s.value === undefined ? labels[i] : `${labels[i]} = ${s.value === null ? 'missing' : format(s.value)}`,
        ),
        hoverinfo: 'text+x',
        connector: { line: { color: '#aab2bd', width: 1 } },
        increasing: { marker: { color: '#c2571a' } },
        decreasing: { marker: { color: '#1f5f99' } },
        totals: { marker: { color: '#5b6675' } },
      },
    ],
    layout: {
      height: Math.max(220, 26 * steps.length + 60),
      margin: { l: 12, r: 24, t: 8, b: 40 },
      xaxis: { title: { text: input.unit }, zeroline: true, range: waterfallRange(steps) },
      yaxis: { autorange: 'reversed', automargin: true, type: 'category' },
      showlegend: false,
    },
  };
}
