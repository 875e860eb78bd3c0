import { controlCharts } from './control-charts.ts';
import { skewness } from './transform.ts';
import type { ChartInput, ChartTransform, ChartType } from './types.ts';

/**
 * The heavy-tail check of the chart chooser. Durations (waits, cycle times) are right-skewed with
 * a few extreme cases; on the raw scale those inflate σ̂ and s̄, so a stable process shows limits
 * that most subgroups break (the S chart puts ordinary weeks below its lower limit) and the chart
 * cries wolf in nearly every period. The check measures exactly that — the share of subgroups
 * beyond the limits against the ~0.3% per chart chance allows — and, where it is far too high
 * on skewed data, tries the log and Box-Cox scales and proposes the one that brings the share
 * down most (or charting medians, which the user can do by choosing a median measure).
 */

/** Skewness above this is a long right tail (an exponential distribution has 2, a normal one 0). */
const SKEWED = 1;
/** Share of subgroups beyond test 1's limits that no stable normal process produces (chance: ~0.5% over two charts). */
const TOO_MANY_OUTSIDE = 0.1;
const MIN_SUBGROUPS = 10;

interface HeavyTail {
  check: { name: 'heavy-tail'; status: 'ok' | 'warning' | 'not-applicable'; message: string; value?: number };
  transform: ChartTransform;
}

/** Subgroups beyond test 1's limits on any of the charts, as a share of all subgroups. */
export function shareOutsideLimits(input: ChartInput, chart: ChartType, transform: ChartTransform = 'none'): number {
  const { charts } = controlCharts(input, { chart, rules: [1], transform });
  const outside = new Set<number>();
  for (const c of charts) for (const s of c.signals) outside.add(s.index);
  const m = input.kind === 'variables' ? input.subgroups.length : input.counts.length;
  return outside.size / m;
}

const percent = (x: number) => `${(100 * x).toFixed(x < 0.1 ? 1 : 0)}%`;

export function heavyTailCheck(input: Extract<ChartInput, { kind: 'variables' }>, chart: ChartType): HeavyTail {
  const m = input.subgroups.length;
  if (m < MIN_SUBGROUPS)
    return {
      check: { name: 'heavy-tail', status: 'not-applicable', message: 'Too few subgroups to judge the tails.' },
      transform: 'none',
    };
  const pooled = input.subgroups.flat();
  const skew = skewness(pooled);
  const raw = shareOutsideLimits(input, chart);
  if (!(skew > SKEWED && raw > TOO_MANY_OUTSIDE)) {
    return {
      check: {
        name: 'heavy-tail',
        status: 'ok',
        message: `No long tail that upsets the limits (skewness ${skew.toFixed(2)}; ${percent(raw)} of subgroups beyond them).`,
        value: skew,
      },
      transform: 'none',
    };
  }
  const lead = `The values have a long right tail (skewness ${skew.toFixed(1)}): a few extreme cases inflate the estimated spread, so ${percent(raw)} of the subgroups fall beyond the limits where a stable process would put about 0.5%; on these limits nearly every period is an alarm.`;
  if (pooled.some((v) => v < 0)) {
    return {
      check: {
        name: 'heavy-tail',
        status: 'warning',
        message: `${lead} Some values are negative, so no log transform: chart medians, or find the extreme cases first.`,
        value: skew,
      },
      transform: 'none',
    };
  }
  const tried = (['log', 'box-cox'] as const).map((t) => ({ t, share: shareOutsideLimits(input, chart, t) }));
  const best = tried.reduce((a, b) => (b.share < a.share ? b : a));
  const name = best.t === 'log' ? 'log' : 'Box-Cox';
  return {
    check: {
      name: 'heavy-tail',
      status: 'warning',
      message: `${lead} On the ${name} scale ${percent(best.share)} are beyond the limits (log ${percent(tried[0].share)}, Box-Cox ${percent(tried[1].share)}): chart with the ${name} transform, or chart medians, so that alarms mean a change in the typical case.`,
      value: skew,
    },
    transform: best.t,
  };
}
