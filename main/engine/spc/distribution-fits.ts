import { mean, standardDeviation } from './chart-assembly.ts';
import { andersonDarling, normalityTest, weibullPValue } from './normality.ts';
import { normalCdf, normalPdf, normalQuantile, normalSurvival } from './special-functions.ts';

/**
 * The distributions capability can use when durations are not normal, each fitted by maximum
 * likelihood and judged by Anderson–Darling: Box-Cox (normal after (x^λ − 1)/λ), lognormal and
 * two-parameter Weibull. Each is a distribution on the original scale, so ppm and percentiles
 * need no back-and-forth.
 */
export type DistributionName = 'normal' | 'box-cox' | 'lognormal' | 'weibull';

export interface FittedDistribution {
  name: DistributionName;
  parameters: Record<string, number>;
  cdf(x: number): number;
  survival(x: number): number;
  pdf(x: number): number;
  quantile(p: number): number;
  /** Anderson–Darling A² of the fit. */
  ad: number;
  /** Its p-value; for Weibull a bound when `pBound` is set (outside the published table). */
  pValue: number;
  pBound: '>' | '<' | null;
}

export function fitNormal(values: readonly number[]): FittedDistribution {
  const t = normalityTest(values);
  const mu = t.mean;
  const sd = t.standardDeviation;
  return {
    name: 'normal',
    parameters: { mean: mu, standardDeviation: sd },
    cdf: (x) => normalCdf((x - mu) / sd),
    survival: (x) => normalSurvival((x - mu) / sd),
    pdf: (x) => normalPdf((x - mu) / sd) / sd,
    quantile: (p) => mu + sd * normalQuantile(p),
    ad: t.ad,
    pValue: t.pValue,
    pBound: null,
  };
}

/** The Box-Cox transform (x^λ − 1)/λ (ln x at λ = 0): increasing for every λ, so specs keep their side. */
export function boxCoxTransform(x: number, lambda: number): number {
  return Math.abs(lambda) < 1e-9 ? Math.log(x) : (x ** lambda - 1) / lambda;
}

function boxCoxInverse(y: number, lambda: number): number {
  if (Math.abs(lambda) < 1e-9) return Math.exp(y);
  const base = lambda * y + 1;
  return base > 0 ? base ** (1 / lambda) : lambda > 0 ? 0 : Infinity;
}

/**
 * λ by maximum likelihood on [−5, 5], maximizing the profile log-likelihood −(n/2)·ln σ̂²(λ) +
 * (λ − 1)·Σ ln x (Box & Cox 1964): a 0.1 grid, then golden-section search around the best.
 */
export function boxCoxLambda(values: readonly number[]): number {
  const n = values.length;
  const logs = Float64Array.from(values, Math.log);
  const y = new Float64Array(n);
  let sumLog = 0;
  for (const l of logs) sumLog += l;
  const ll = (lambda: number) => {
    // xᵝ = e^(λ·ln x): one exp per value, into a reused buffer.
    const near0 = Math.abs(lambda) < 1e-9;
    let mu = 0;
    for (let i = 0; i < n; i++) {
      y[i] = near0 ? logs[i] : Math.expm1(lambda * logs[i]) / lambda;
      mu += y[i];
    }
    mu /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (y[i] - mu) * (y[i] - mu);
    return (-n / 2) * Math.log(ss / n) + (lambda - 1) * sumLog;
  };
  let best = -5;
  let bestLl = ll(best);
  for (let step = 1; step <= 100; step++) {
    const l = -5 + step / 10;
    const value = ll(l);
    if (value > bestLl) {
      best = l;
      bestLl = value;
    }
  }
  let a = Math.max(-5, best - 0.1);
  let b = Math.min(5, best + 0.1);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (ll(c) > ll(d)) b = d;
    else a = c;
  }
  return (a + b) / 2;
}

export function fitBoxCox(values: readonly number[]): FittedDistribution {
  const lambda = boxCoxLambda(values);
  const y = values.map((x) => boxCoxTransform(x, lambda));
  const t = normalityTest(y);
  const mu = t.mean;
  const sd = t.standardDeviation;
  return {
    name: 'box-cox',
    parameters: { lambda, mean: mu, standardDeviation: sd },
    cdf: (x) => (x <= 0 ? 0 : normalCdf((boxCoxTransform(x, lambda) - mu) / sd)),
    survival: (x) => (x <= 0 ? 1 : normalSurvival((boxCoxTransform(x, lambda) - mu) / sd)),
    pdf: (x) => (x <= 0 ? 0 : (normalPdf((boxCoxTransform(x, lambda) - mu) / sd) / sd) * x ** (lambda - 1)),
    quantile: (p) => boxCoxInverse(mu + sd * normalQuantile(p), lambda),
    ad: t.ad,
    pValue: t.pValue,
    pBound: null,
  };
}

export function fitLognormal(values: readonly number[]): FittedDistribution {
  const logs = values.map(Math.log);
  const mu = mean(logs);
  // Maximum likelihood σ (n divisor), as Minitab's lognormal fit; the AD check uses the logs' normality.
  const sigma = standardDeviation(logs) * Math.sqrt((logs.length - 1) / logs.length);
  const t = normalityTest(logs);
  return {
    name: 'lognormal',
    parameters: { location: mu, scale: sigma },
    cdf: (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma)),
    survival: (x) => (x <= 0 ? 1 : normalSurvival((Math.log(x) - mu) / sigma)),
    pdf: (x) => (x <= 0 ? 0 : normalPdf((Math.log(x) - mu) / sigma) / (sigma * x)),
    quantile: (p) => Math.exp(mu + sigma * normalQuantile(p)),
    ad: t.ad,
    pValue: t.pValue,
    pBound: null,
  };
}

/**
 * Weibull by maximum likelihood: the shape β solves Σxᵝ·ln x / Σxᵝ − 1/β − mean(ln x) = 0 (increasing
 * in β, so bisection on ln β is safe); the scale is η = (Σxᵝ/n)^(1/β). Values are scaled by their
 * maximum first so xᵝ cannot overflow.
 */
export function fitWeibull(values: readonly number[]): FittedDistribution {
  const top = Math.max(...values);
  const u = values.map((x) => x / top);
  const logs = u.map(Math.log);
  const meanLog = mean(logs);
  const g = (beta: number) => {
    let s = 0;
    let sl = 0;
    for (let i = 0; i < u.length; i++) {
      const p = u[i] ** beta;
      s += p;
      sl += p * logs[i];
    }
    return sl / s - 1 / beta - meanLog;
  };
  let lo = Math.log(0.02);
  let hi = Math.log(200);
  // 60 halvings of ln β's range leave it known to ~1e-17: double precision.
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (g(Math.exp(mid)) > 0) hi = mid;
    else lo = mid;
  }
  const beta = Math.exp((lo + hi) / 2);
  const eta = top * (u.reduce((a, x) => a + x ** beta, 0) / u.length) ** (1 / beta);
  const cdf = (x: number) => (x <= 0 ? 0 : -Math.expm1(-((x / eta) ** beta)));
  const survival = (x: number) => (x <= 0 ? 1 : Math.exp(-((x / eta) ** beta)));
  const ad = andersonDarling(values, cdf, survival);
  const { pValue, bound } = weibullPValue(ad, values.length);
  return {
    name: 'weibull',
    parameters: { shape: beta, scale: eta },
    cdf,
    survival,
    pdf: (x) => (x <= 0 ? 0 : (beta / eta) * (x / eta) ** (beta - 1) * Math.exp(-((x / eta) ** beta))),
    quantile: (p) => eta * (-Math.log1p(-p)) ** (1 / beta),
    ad,
    pValue,
    pBound: bound,
  };
}
