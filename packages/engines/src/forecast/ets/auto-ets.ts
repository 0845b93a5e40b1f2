// Automatic ETS: fit every allowed model and keep the one with the smallest AICc, with the model
// restrictions of R's `ets` (Hyndman et al. 2008, §7).

import { type EtsFitOptions, fitEts } from "./ets-fit";
import { type EtsFit, type EtsSpec, etsLabel, type SeasonType, type TrendType } from "./ets-types";

export interface AutoEtsOptions extends EtsFitOptions {
  /** Restrict the search, e.g. to ["N"] seasons for a non-seasonal run. */
  readonly trends?: readonly TrendType[];
  readonly seasons?: readonly SeasonType[];
  readonly errors?: readonly ("A" | "M")[];
  /** Fit every model from R's cold start instead of from a fitted neighbour (slower; for tests). */
  readonly coldStarts?: boolean;
}

export interface AutoEtsResult {
  readonly best: EtsFit;
  /** Every model that could be fitted, with its AICc, best first. */
  readonly candidates: readonly { readonly spec: EtsSpec; readonly aicc: number }[];
}

/**
 * The models R's `ets(y)` considers with its defaults (no multiplicative trend, restrict = TRUE):
 * no additive error with a multiplicative season; multiplicative error or season only for strictly
 * positive data; a season only when m > 1, m ≤ 24 and there are two full cycles of history.
 */
export function allowedEtsSpecs(
  y: readonly number[],
  period: number,
  options: AutoEtsOptions = {},
): EtsSpec[] {
  const positive = y.every((v) => v > 0);
  const seasonalOk = period > 1 && period <= 24 && y.length >= 2 * period;
  const specs: EtsSpec[] = [];
  for (const error of options.errors ?? (["A", "M"] as const)) {
    if (error === "M" && !positive) continue;
    for (const trend of options.trends ?? (["N", "A", "Ad"] as const)) {
      for (const season of options.seasons ?? (["N", "A", "M"] as const)) {
        if (season !== "N" && !seasonalOk) continue;
        if (season === "M" && (!positive || error === "A")) continue;
        specs.push({ error, trend, season });
      }
    }
  }
  return specs;
}

/**
 * Fits all allowed models and returns the one with the smallest AICc (ties go to the simpler,
 * earlier model). Null when no model can be fitted (e.g. fewer than 5 observations).
 */
export function autoEts(
  y: readonly number[],
  period: number,
  options: AutoEtsOptions = {},
): AutoEtsResult | null {
  const fits: EtsFit[] = [];
  const byLabel = new Map<string, EtsFit>();
  for (const spec of allowedEtsSpecs(y, period, options)) {
    const warmStart = options.coldStarts ? undefined : neighbour(spec, byLabel);
    const fit = fitEts(y, spec, period, { ...options, warmStart });
    if (fit && Number.isFinite(fit.aicc)) {
      fits.push(fit);
      byLabel.set(etsLabel(spec), fit);
    }
  }
  if (fits.length === 0) return null;
  const ranked = fits
    .map((fit, order) => ({ fit, order }))
    .sort(
      (a, b) => a.fit.aicc - b.fit.aicc || a.fit.parameterCount - b.fit.parameterCount || a.order - b.order,
    );
  return {
    best: ranked[0]!.fit,
    candidates: ranked.map(({ fit }) => ({ spec: fit.spec, aicc: fit.aicc })),
  };
}

/**
 * The fitted model to warm-start `spec` from: the same model with additive error (an exact start:
 * the error type changes only the likelihood), else the one with the next simpler trend
 * (N → A → Ad); seasonal models only, where the simplex has 13–16 corners and a cold start is the
 * expensive part of the search. Only the first model of each season type starts cold.
 */
function neighbour(spec: EtsSpec, fitted: ReadonlyMap<string, EtsFit>): EtsFit | undefined {
  // Without a season a cold start is cheap, and it found better optima on yearly series.
  if (spec.season === "N") return undefined;
  if (spec.error === "M") {
    const additive = fitted.get(etsLabel({ ...spec, error: "A" }));
    if (additive) return additive;
  }
  const simpler: Record<EtsSpec["trend"], EtsSpec["trend"] | null> = { N: null, A: "N", Ad: "A" };
  const trend = simpler[spec.trend];
  return trend ? fitted.get(etsLabel({ ...spec, trend })) : undefined;
}
