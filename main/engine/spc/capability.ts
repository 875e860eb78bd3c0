import type { CapabilityFit, CapabilityIndices, CapabilityReport, PpmFigures } from '../../../preload/api.ts';
import { InputError } from '../errors.ts';
import { mean, standardDeviation } from './chart-assembly.ts';
import {
  fitBoxCox,
  fitLognormal,
  fitNormal,
  fitWeibull,
  boxCoxTransform,
  type DistributionName,
  type FittedDistribution,
} from './distribution-fits.ts';
import { fittedCurve, histogramBins } from './histogram.ts';
import { normalityTest } from './normality.ts';
import { sigmaFromMovingRanges, sigmaFromPooled, sigmaFromRanges } from './sigma-estimates.ts';
import { normalCdf, normalSurvival } from './special-functions.ts';

/**
 * Process capability against the customer's specs (Montgomery ch. 8; Minitab's Capability
 * Analysis). One-sided specs are the common case for durations (a cycle-time USL): then Cp and Pp
 * do not exist and Cpk = Cpu. Durations are rarely normal, so the data are checked with
 * Anderson–Darling and, when they fail, a Box-Cox, lognormal or Weibull model is fitted and the
 * one that fits best is used, with the reason in words.
 */
export type CapabilitySpecs = CapabilityReport['specs'];

export interface CapabilityOptions {
  /** 'auto' (default) picks normal when the AD test passes, else the best-fitting alternative. */
  distribution?: 'auto' | DistributionName;
  /** How the within-subgroup σ is estimated: pooled s/c4 for subgroups, MR̄/d2 for single values (Minitab's defaults), or R̄/d2. */
  within?: 'auto' | 'pooled' | 'rbar' | 'moving-range';
}

/** Indices, ppm, fits and the whole result: the contract's shapes, so the service passes them on unchanged. */
export type Indices = CapabilityIndices;
export type Ppm = PpmFigures;
export type DistributionFit = CapabilityFit;
export type CapabilityResult = CapabilityReport;

const MILLION = 1_000_000;

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 && Number.isFinite(numerator) ? numerator / denominator : null;
}

function minimum(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** Cp, Cpk… from a centre and σ on whatever scale the specs are on. */
function normalIndices(
  center: number,
  within: number,
  overall: number,
  lsl: number | undefined,
  usl: number | undefined,
): Indices {
  const both = lsl !== undefined && usl !== undefined;
  const cpl = lsl !== undefined ? ratio(center - lsl, 3 * within) : null;
  const cpu = usl !== undefined ? ratio(usl - center, 3 * within) : null;
  const ppl = lsl !== undefined ? ratio(center - lsl, 3 * overall) : null;
  const ppu = usl !== undefined ? ratio(usl - center, 3 * overall) : null;
  return {
    cp: both ? ratio(usl - lsl, 6 * within) : null,
    cpl,
    cpu,
    cpk: minimum(cpl, cpu),
    pp: both ? ratio(usl - lsl, 6 * overall) : null,
    ppl,
    ppu,
    ppk: minimum(ppl, ppu),
  };
}

function ppm(below: number, above: number): Ppm {
  return { below: below * MILLION, above: above * MILLION, total: (below + above) * MILLION };
}

function expectedPpm(fit: FittedDistribution, specs: CapabilitySpecs): Ppm {
  return ppm(specs.lsl !== undefined ? fit.cdf(specs.lsl) : 0, specs.usl !== undefined ? fit.survival(specs.usl) : 0);
}

function describeFit(fit: DistributionFit): string {
  const p = fit.pBound ? `${fit.pBound} ${fit.pValue.toFixed(3)}` : `= ${fit.pValue.toFixed(3)}`;
  return `${fit.distribution} (AD ${fit.ad.toFixed(3)}, p ${p})`;
}

function fitSummary(fit: FittedDistribution, specs: CapabilitySpecs): DistributionFit {
  let ppl: number | null = null;
  let ppu: number | null = null;
  if (fit.name === 'normal' || fit.name === 'box-cox') {
    const lambda = fit.parameters.lambda;
    const t = (x: number) => (fit.name === 'box-cox' ? (x > 0 ? boxCoxTransform(x, lambda) : -Infinity) : x);
    const { mean: mu, standardDeviation: sd } = fit.parameters;
    ppl = specs.lsl !== undefined ? ratio(mu - t(specs.lsl), 3 * sd) : null;
    ppu = specs.usl !== undefined ? ratio(t(specs.usl) - mu, 3 * sd) : null;
  } else {
    const median = fit.quantile(0.5);
    ppl = specs.lsl !== undefined ? ratio(median - specs.lsl, median - fit.quantile(normalCdf(-3))) : null;
    ppu = specs.usl !== undefined ? ratio(specs.usl - median, fit.quantile(normalCdf(3)) - median) : null;
  }
  return {
    distribution: fit.name,
    parameters: fit.parameters,
    ad: fit.ad,
    pValue: fit.pValue,
    pBound: fit.pBound,
    ppl,
    ppu,
    ppk: minimum(ppl, ppu),
    expectedPpm: expectedPpm(fit, specs),
  };
}

function withinSigma(
  groups: number[][],
  method: CapabilityOptions['within'],
): { sigma: number; method: CapabilityResult['withinMethod'] } {
  const all = groups.map((_, i) => i);
  const individuals = groups.every((g) => g.length === 1);
  const chosen = method === undefined || method === 'auto' ? (individuals ? 'moving-range' : 'pooled') : method;
  if (chosen === 'moving-range')
    return {
      sigma: sigmaFromMovingRanges(
        groups.map((g) => mean(g)),
        all,
      ).sigma,
      method: chosen,
    };
  if (chosen === 'rbar') return { sigma: sigmaFromRanges(groups, all), method: chosen };
  return { sigma: sigmaFromPooled(groups, all), method: 'pooled' };
}

function checkSpecs(specs: CapabilitySpecs): void {
  const { lsl, usl } = specs;
  if (lsl === undefined && usl === undefined)
    throw new InputError('Capability needs at least one spec limit (LSL or USL).', {
      hint: 'For a cycle time, give the USL: the longest acceptable duration.',
    });
  for (const [name, v] of [
    ['LSL', lsl],
    ['USL', usl],
    ['target', specs.target],
  ] as const) {
    if (v !== undefined && !Number.isFinite(v))
      throw new InputError(`The ${name} ${v} is not a number.`, {
        hint: 'Give spec limits as plain numbers in the data’s unit.',
      });
  }
  if (lsl !== undefined && usl !== undefined && !(lsl < usl))
    throw new InputError(`The LSL (${lsl}) must be below the USL (${usl}).`, { hint: 'Swap them, or give only one.' });
}

/** Capability of measurements (single values, or subgroups for the within σ) against specs. */
export function capability(
  values: number[] | number[][],
  specs: CapabilitySpecs,
  options: CapabilityOptions = {},
): CapabilityResult {
  checkSpecs(specs);
  const groups: number[][] = values.map((v) => (Array.isArray(v) ? v : [v]));
  const all = groups.flat();
  if (all.length < 3)
    throw new InputError(`Capability needs at least 3 values; got ${all.length}.`, {
      hint: 'Collect more data: 100 or more gives stable indices.',
    });
  if (all.some((v) => !Number.isFinite(v)))
    throw new InputError('Some values are not numbers.', {
      hint: 'Remove or fix them before the capability analysis.',
    });
  const n = all.length;
  const mu = mean(all);
  const sigmaOverall = standardDeviation(all);
  const within = withinSigma(groups, options.within);
  const { lsl, usl } = specs;
  const normalFit = fitNormal(all);
  const fits: FittedDistribution[] = [normalFit];
  const positive = all.every((v) => v > 0);
  if (positive && sigmaOverall > 0) fits.push(fitBoxCox(all), fitLognormal(all), fitWeibull(all));
  const summaries = fits.map((f) => fitSummary(f, specs));
  const normalSummary = summaries[0];
  // A Weibull "< 0.010" is a bound, not a p of 0.010: ranked as 0 it no longer beats a Box-Cox
  // p = 0.000 with a far smaller A² (o2c cycle time: Weibull A² 558 was chosen over Box-Cox A² 70).
  const rankP = (f: DistributionFit) => (f.pBound === '<' ? 0 : f.pValue);
  const ranked = [...summaries].sort((a, b) => rankP(b) - rankP(a) || a.ad - b.ad);

  let chosen: DistributionFit;
  let reason: string;
  const wanted = options.distribution ?? 'auto';
  if (wanted !== 'auto') {
    const found = summaries.find((s) => s.distribution === wanted);
    if (!found)
      throw new InputError(`A ${wanted} model needs values above 0.`, {
        hint: 'Use the normal model, or shift the data.',
      });
    chosen = found;
    reason = `You chose the ${wanted} model: ${describeFit(found)}.`;
  } else if (!(sigmaOverall > 0)) {
    chosen = normalSummary;
    reason =
      'All values are equal: there is no spread to compare with the specs, so the indices are undefined; the observed ppm still holds.';
  } else if (!(normalSummary.pValue < 0.05)) {
    chosen = normalSummary;
    reason = `The data pass the Anderson–Darling normality check (p = ${normalSummary.pValue.toFixed(3)} ≥ 0.05), so the normal indices hold.`;
  } else if (!positive) {
    chosen = normalSummary;
    reason = `The data are not normal (Anderson–Darling p = ${normalSummary.pValue.toFixed(3)}), but they include values of 0 or less, so Box-Cox, lognormal and Weibull cannot be fitted; read the normal indices with care and trust the observed ppm more.`;
  } else {
    chosen = ranked[0];
    const fitsWell = chosen.pValue >= 0.05 || chosen.pBound === '>';
    reason =
      `The data are not normal (Anderson–Darling p = ${normalSummary.pValue.toFixed(3)} < 0.05). Of ${ranked.map(describeFit).join(', ')}, ` +
      `the ${chosen.distribution} model fits best${fitsWell ? '' : ', though none fits well (all p < 0.05): trust the observed ppm more than the indices'}.`;
  }

  const chosenFit = fits[summaries.indexOf(chosen)];
  let indices: Indices;
  if (chosen.distribution === 'normal') indices = normalIndices(mu, within.sigma, sigmaOverall, lsl, usl);
  else if (chosen.distribution === 'box-cox') {
    // Minitab's Box-Cox capability: transform data and specs, then the normal indices.
    const lambda = chosen.parameters.lambda;
    const tGroups = groups.map((g) => g.map((v) => boxCoxTransform(v, lambda)));
    const t = (x: number | undefined) => (x === undefined ? undefined : x > 0 ? boxCoxTransform(x, lambda) : -Infinity);
    const tAll = tGroups.flat();
    indices = normalIndices(
      mean(tAll),
      withinSigma(tGroups, within.method).sigma,
      standardDeviation(tAll),
      t(lsl),
      t(usl),
    );
  } else {
    indices = {
      cp: null,
      cpl: null,
      cpu: null,
      cpk: null,
      pp: null,
      ppl: chosen.ppl,
      ppu: chosen.ppu,
      ppk: chosen.ppk,
    };
  }

  const below = lsl !== undefined ? all.filter((v) => v < lsl).length / n : 0;
  const above = usl !== undefined ? all.filter((v) => v > usl).length / n : 0;
  const bins = histogramBins(
    all,
    [lsl, usl].filter((v): v is number => v !== undefined),
  );
  return {
    n,
    mean: mu,
    sigmaWithin: within.sigma,
    withinMethod: within.method,
    sigmaOverall,
    specs,
    normal: normalIndices(mu, within.sigma, sigmaOverall, lsl, usl),
    observedPpm: ppm(below, above),
    expectedPpmWithin: ppm(
      lsl !== undefined ? normalCdf((lsl - mu) / within.sigma) : 0,
      usl !== undefined ? normalSurvival((usl - mu) / within.sigma) : 0,
    ),
    expectedPpmOverall: normalSummary.expectedPpm,
    normality: normalityTest(all),
    fits: ranked,
    chosen: chosen.distribution,
    reason,
    indices,
    expectedPpm: chosen.expectedPpm,
    histogram: { bins, curve: fittedCurve((x) => chosenFit.pdf(x), bins, n), lsl: lsl ?? null, usl: usl ?? null },
  };
}
