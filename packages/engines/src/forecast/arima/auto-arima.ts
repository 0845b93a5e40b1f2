// Automatic ARIMA order selection (Hyndman & Khandakar 2008) as R's forecast::auto.arima with its
// defaults: D from seasonal strength, d from KPSS tests, then a stepwise search on AICc over
// p, q ≤ 5 and P, Q ≤ 2 starting from four models, moving one or two orders at a time.

import { designMatrix, fitArima, ordinaryLeastSquares } from "./arima-fit";
import type { ArimaFit, ArimaSpec } from "./arima-types";
import { rootsOutside } from "./arma-polynomials";
import {
  difference,
  differenceSeries,
  differencingPolynomial,
  isConstant,
  regularDifferences,
  seasonalDifferences,
} from "./differencing";

export interface AutoArimaResult {
  readonly fit: ArimaFit;
  /** Every model tried with its AICc (AIC for n ≤ 3; ∞ when it could not be fitted or was rejected). */
  readonly tried: readonly { readonly spec: ArimaSpec; readonly score: number }[];
  readonly notes: readonly string[];
}

/** R's search budget: at most 94 models. */
const MAX_MODELS = 94;
/** auto.arima rejects fits with an AR or MA root closer than this to the unit circle's inside. */
const ROOT_MARGIN = 1.01;

/**
 * Chooses and fits an ARIMA model for y with period m, optionally with regressor columns `xreg`
 * (validated by the caller: same length as y, finite, not constant, not collinear). The search
 * follows auto.arima: unit-root tests on the residuals of y regressed on xreg; a constant (mean when
 * d + D = 0, drift when d + D = 1) considered only when d + D ≤ 1; candidates rejected when AR/MA
 * roots come within 1.01 of the unit circle; a series whose differences are constant gets the exact
 * deterministic model. When nothing can be fitted the result is a random walk, said in `notes`.
 * Null only for an empty series.
 */
export function autoArima(
  y: readonly number[],
  period: number,
  xreg: readonly (readonly number[])[] = [],
): AutoArimaResult | null {
  const n = y.length;
  if (n === 0) return null;
  const notes: string[] = [];
  const m = Math.max(1, Math.round(period));
  if (isConstant(y) && xreg.length === 0)
    return { fit: deterministicFit(y, { ...NULL_SPEC, constant: true }, m), tried: [], notes };

  let maxP = Math.min(5, Math.floor(n / 3));
  let maxQ = Math.min(5, Math.floor(n / 3));
  const maxSP = m > 1 ? Math.min(2, Math.floor(n / 3 / m)) : 0;
  const maxSQ = maxSP;
  const ic = (fit: ArimaFit) => (n <= 3 ? fit.aic : fit.aicc);

  // Unit-root tests look at y less its regression on xreg, as R does.
  const xx =
    xreg.length > 0
      ? ordinaryLeastSquares(Float64Array.from(y), [
          new Float64Array(n).fill(1),
          ...xreg.map((c) => Float64Array.from(c)),
        ])?.residuals
      : Float64Array.from(y);
  if (!xx) return null;
  let D = 0;
  if (m > 1 && n > 2 * m) {
    D = seasonalDifferences(xx, m);
    if (D > 0 && xreg.some((c) => isConstant(difference(c, m)))) D = 0;
  }
  let dx = D > 0 ? difference(xx, m) : xx;
  let d = regularDifferences(dx, 2);
  if (d > 0 && xreg.some((c) => isConstant(differenceSeries(c, d, D, m)))) d--;
  dx = differenceSeries(dx, d, 0, m);
  if (dx.length === 0) return null;
  if (isConstant(dx)) {
    const spec = { ...NULL_SPEC, d, D, constant: d + D === 1 };
    const fit = xreg.length > 0 ? fitArima(y, spec, m, xreg) : null;
    return { fit: fit ?? deterministicFit(y, spec, m), tried: [], notes };
  }
  if (m > 1) {
    if (maxSP > 0) maxP = Math.min(maxP, m - 1);
    if (maxSQ > 0) maxQ = Math.min(maxQ, m - 1);
  }
  const allowConstant = d + D <= 1;

  const tried: { spec: ArimaSpec; score: number }[] = [];
  const seen = new Set<string>();
  let best: { fit: ArimaFit; score: number } | null = null;
  /** Fits a candidate; true when it beats the best so far. */
  const consider = (p: number, q: number, P: number, Q: number, constant: boolean): boolean => {
    const spec: ArimaSpec = { p, d, q, P, D, Q, constant };
    const key = `${p},${q},${P},${Q},${constant}`;
    if (seen.has(key) || tried.length >= MAX_MODELS) return false;
    seen.add(key);
    const fit = fitArima(y, spec, m, xreg);
    const score: number =
      fit &&
      rootsOutside(fit.terminal.phi, -1, ROOT_MARGIN) &&
      rootsOutside(fit.terminal.theta, 1, ROOT_MARGIN)
        ? ic(fit)
        : Number.POSITIVE_INFINITY;
    tried.push({ spec, score });
    if (fit && score < (best?.score ?? Number.POSITIVE_INFINITY)) {
      best = { fit, score };
      return true;
    }
    return false;
  };

  const short = n < 10;
  let p = Math.min(short ? 1 : 2, maxP);
  let q = Math.min(short ? 1 : 2, maxQ);
  let P = Math.min(short ? 0 : 1, maxSP);
  let Q = Math.min(short ? 0 : 1, maxSQ);
  let constant = allowConstant;
  consider(p, q, P, Q, constant);
  if (consider(0, 0, 0, 0, constant)) p = q = P = Q = 0;
  if (maxP > 0 || maxSP > 0) {
    const sp = maxSP > 0 && m > 1 ? 1 : 0;
    if (consider(maxP > 0 ? 1 : 0, 0, sp, 0, constant)) {
      p = maxP > 0 ? 1 : 0;
      P = sp;
      q = Q = 0;
    }
  }
  if (maxQ > 0 || maxSQ > 0) {
    const sq = maxSQ > 0 && m > 1 ? 1 : 0;
    if (consider(0, maxQ > 0 ? 1 : 0, 0, sq, constant)) {
      p = P = 0;
      Q = sq;
      q = maxQ > 0 ? 1 : 0;
    }
  }
  if (constant && consider(0, 0, 0, 0, false)) p = q = P = Q = 0;

  // Neighbour moves in R's order; the first improvement restarts the round.
  const moves: readonly [number, number, number, number][] = [
    [0, 0, -1, 0],
    [0, 0, 0, -1],
    [0, 0, 1, 0],
    [0, 0, 0, 1],
    [0, 0, -1, -1],
    [0, 0, -1, 1],
    [0, 0, 1, -1],
    [0, 0, 1, 1],
    [-1, 0, 0, 0],
    [0, -1, 0, 0],
    [1, 0, 0, 0],
    [0, 1, 0, 0],
    [-1, -1, 0, 0],
    [-1, 1, 0, 0],
    [1, -1, 0, 0],
    [1, 1, 0, 0],
  ];
  let improved = true;
  while (improved && tried.length < MAX_MODELS) {
    improved = false;
    for (const [dp, dq, dP, dQ] of moves) {
      const np = p + dp;
      const nq = q + dq;
      const nP = P + dP;
      const nQ = Q + dQ;
      if (np < 0 || nq < 0 || nP < 0 || nQ < 0 || np > maxP || nq > maxQ || nP > maxSP || nQ > maxSQ)
        continue;
      if (consider(np, nq, nP, nQ, constant)) {
        [p, q, P, Q] = [np, nq, nP, nQ];
        improved = true;
        break;
      }
    }
    if (!improved && allowConstant && consider(p, q, P, Q, !constant)) {
      constant = !constant;
      improved = true;
    }
  }
  const chosen = best as { fit: ArimaFit; score: number } | null;
  if (chosen) return { fit: chosen.fit, tried, notes };
  notes.push("no ARIMA model could be fitted: random walk used");
  const walk = { ...NULL_SPEC, d: 1 };
  return { fit: fitArima(y, walk, m) ?? deterministicFit(y, walk, m), tried, notes };
}

const NULL_SPEC: ArimaSpec = { p: 0, d: 0, q: 0, P: 0, D: 0, Q: 0, constant: false };

/**
 * ARIMA(0,d,0)(0,D,0) with no free ARMA parameters fitted exactly, for series whose differences are
 * constant: the constant (mean or drift) is the mean of the differences, scaled per period, and σ² is
 * the mean square of what is left (0 for an exact fit, so intervals have zero width).
 */
export function deterministicFit(y: readonly number[], spec: ArimaSpec, period: number): ArimaFit {
  const m = Math.max(1, period);
  const n = y.length;
  const design = designMatrix(spec, n);
  const w = differenceSeries(y, spec.d, spec.D, m);
  let constant: number | null = null;
  if (design.hasConstant) {
    const scale = differenceSeries(design.columns[0]!, spec.d, spec.D, m);
    let num = 0;
    let den = 0;
    for (let t = 0; t < w.length; t++) {
      num += w[t]!;
      den += scale[t]!;
    }
    constant = den === 0 ? 0 : num / den;
  }
  const delta = differencingPolynomial(spec.d, spec.D, m);
  const u = y.map((v, t) => v - (constant ?? 0) * (design.hasConstant ? design.columns[0]![t]! : 0));
  const residual = differenceSeries(u, spec.d, spec.D, m);
  let ssq = 0;
  for (const e of residual) ssq += e * e;
  const nstar = Math.max(residual.length, 1);
  const sigma2 = ssq / nstar;
  const loglik = sigma2 > 0 ? -0.5 * nstar * (Math.log(2 * Math.PI * sigma2) + 1) : Number.POSITIVE_INFINITY;
  const npar = (design.hasConstant ? 1 : 0) + 1;
  const aic = -2 * loglik + 2 * npar;
  return {
    spec,
    period: m,
    ar: [],
    ma: [],
    sar: [],
    sma: [],
    constant,
    xreg: [],
    sigma2,
    loglik,
    aic,
    aicc: aic,
    bic: aic,
    nobs: residual.length,
    terminal: {
      phi: new Float64Array(0),
      theta: new Float64Array(0),
      delta,
      state: Float64Array.of(residual.length > 0 ? residual[residual.length - 1]! : 0),
      covariance: new Float64Array(1),
      lags: Float64Array.from({ length: delta.length }, (_, i) => u[n - 1 - i]!),
      length: n,
    },
  };
}
