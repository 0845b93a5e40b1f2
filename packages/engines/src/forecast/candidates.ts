// Runs the candidate methods on one history, sharing work between them (the combination reuses
// the ETS and Theta forecasts), so a backtest origin costs each model once.

import { fitArima } from "./arima/arima-fit";
import { arimaPredict } from "./arima/arima-forecast";
import { type ArimaFit, type ArimaSpec, arimaLabel } from "./arima/arima-types";
import { autoArima } from "./arima/auto-arima";
import { drift, naive, naive2, seasonalNaive } from "./baselines";
import { dynamicThetaForecast } from "./dynamic-theta";
import { autoEts } from "./ets/auto-ets";
import { fitEts } from "./ets/ets-fit";
import { etsPointForecast } from "./ets/ets-forecast";
import { type EtsFit, type EtsSpec, etsLabel } from "./ets/ets-types";
import {
  driftFitted,
  expandingFitted,
  type FittedValues,
  inverseMseWeights,
  meanFitted,
  naiveFitted,
  reseasonaliseFitted,
  seasonalNaiveFitted,
  weightedFitted,
} from "./fitted-values";
import type { MethodName } from "./forecast-types";
import { adidaFit } from "./intermittent/adida";
import { croston, sba, tsb } from "./intermittent/croston";
import { optimisedThetaForecast } from "./optimised-theta";
import { reseasonalise, seasonalAdjustment } from "./seasonality";
import { fitSes } from "./ses";
import { thetaFit } from "./theta";

/**
 * Members of the default combination, averaged with equal weights. On M1 (docs/decisions/0301)
 * mean(ETS, dynamic optimised Theta) scored OWA 0.846, mean(ETS, Theta) 0.871 and mean(ETS,
 * Theta, dynamic Theta) 0.861.
 */
export const COMBINATION_MEMBERS: readonly MethodName[] = ["ets", "dynamic-theta"];

export interface CandidateForecasts {
  /** Point forecasts of every method that could be fitted; absent methods could not. */
  readonly forecasts: ReadonlyMap<MethodName, number[]>;
  /** Model description per method, e.g. "ETS(M,Ad,N)". */
  readonly models: ReadonlyMap<MethodName, string>;
  /** In-sample one-step fitted values per method, one per history period (see fitted-values.ts). */
  readonly fitted: ReadonlyMap<MethodName, FittedValues>;
  readonly etsFit: EtsFit | null;
  readonly arimaFit: ArimaFit | null;
}

/**
 * Model forms found on the full history and frozen for backtest origins, where only the parameters
 * are re-estimated: ETS's error/trend/season and ARIMA's orders and constant.
 */
export interface FrozenModels {
  readonly ets?: EtsSpec;
  readonly arima?: ArimaSpec;
  /** An ETS fit on a shorter history with the same start (the previous origin), to warm-start from. */
  readonly etsStart?: EtsFit | null;
}

/**
 * Point forecasts of `methods` for h periods after y. `frozen` fixes the ETS and ARIMA model forms
 * (their parameters are still re-estimated), which is how backtests avoid re-running the model
 * searches at every origin; a frozen form that cannot be fitted falls back to the search. The
 * combination is the mean of whichever COMBINATION_MEMBERS could be fitted.
 */
export function runCandidates(
  y: readonly number[],
  h: number,
  period: number,
  methods: readonly MethodName[],
  frozen: FrozenModels = {},
): CandidateForecasts {
  const forecasts = new Map<MethodName, number[]>();
  const models = new Map<MethodName, string>();
  const fitted = new Map<MethodName, FittedValues>();
  let etsFit: EtsFit | null = null;
  let arimaFit: ArimaFit | null = null;
  const wanted = new Set(methods);
  if (wanted.has("combination") || wanted.has("weighted-combination"))
    for (const m of COMBINATION_MEMBERS) wanted.add(m);

  const put = (
    method: MethodName,
    forecast: number[] | null | undefined,
    model: string,
    inSample: FittedValues,
  ) => {
    if (forecast?.every(Number.isFinite)) {
      forecasts.set(method, forecast);
      models.set(method, model);
      fitted.set(method, inSample);
    }
  };
  for (const method of wanted) {
    switch (method) {
      case "naive":
        put(method, naive(y, h), "naive", naiveFitted(y));
        break;
      case "seasonal-naive":
        put(
          method,
          seasonalNaive(y, h, period),
          `seasonal naive (m = ${period})`,
          seasonalNaiveFitted(y, period),
        );
        break;
      case "naive2": {
        const adjustment = seasonalAdjustment(y, period);
        put(
          method,
          naive2(y, h, period),
          "Naive2",
          reseasonaliseFitted(naiveFitted(adjustment.adjusted), adjustment),
        );
        break;
      }
      case "drift":
        put(method, drift(y, h), "random walk with drift", driftFitted(y));
        break;
      case "ses": {
        const adjustment = seasonalAdjustment(y, period);
        const fit = fitSes(adjustment.adjusted);
        if (fit)
          put(
            method,
            reseasonalise(new Array<number>(h).fill(fit.level), adjustment, y.length),
            "SES",
            reseasonaliseFitted(fit.fitted, adjustment),
          );
        break;
      }
      case "theta": {
        const fit = thetaFit(y, h, period);
        if (fit) put(method, fit.forecast, "Theta", fit.fitted);
        break;
      }
      case "optimised-theta": {
        const fit = optimisedThetaForecast(y, h, period);
        if (fit) put(method, fit.forecast, `optimised Theta (θ = ${fit.theta.toFixed(2)})`, fit.fitted);
        break;
      }
      case "dynamic-theta": {
        const fit = dynamicThetaForecast(y, h, period);
        if (fit)
          put(
            method,
            fit.forecast,
            `dynamic optimised Theta (θ = ${fit.theta.toFixed(2)}, α = ${fit.alpha.toFixed(2)})`,
            fit.fitted,
          );
        break;
      }
      case "ets": {
        etsFit =
          (frozen.ets && fitEts(y, frozen.ets, period, { warmStart: frozen.etsStart ?? undefined })) ||
          autoEts(y, period)?.best ||
          null;
        if (etsFit) put(method, etsPointForecast(etsFit, h), etsLabel(etsFit.spec), etsFit.fitted);
        break;
      }
      case "arima": {
        arimaFit = (frozen.arima && fitArima(y, frozen.arima, period)) || autoArima(y, period)?.fit || null;
        // In-sample fitted values of ARIMA are not derived yet (the filter keeps standardised
        // innovations of the differenced series); the chart shows no fit line for it.
        if (arimaFit)
          put(
            method,
            arimaPredict(arimaFit, h).mean,
            arimaLabel(arimaFit.spec, arimaFit.period),
            y.map(() => null),
          );
        break;
      }
      case "croston":
        put(method, croston(y, h), "Croston (α = 0.1)", expandingFitted(y, croston));
        break;
      case "sba":
        put(method, sba(y, h), "SBA (α = 0.1)", expandingFitted(y, sba));
        break;
      case "tsb":
        put(method, tsb(y, h), "TSB (α = 0.1, 0.1)", expandingFitted(y, tsb));
        break;
      case "adida": {
        const fit = adidaFit(y, h);
        put(method, fit.forecast, "ADIDA", fit.fitted);
        break;
      }
      case "combination":
      case "weighted-combination":
        break;
    }
  }
  if (wanted.has("combination")) {
    const members = COMBINATION_MEMBERS.filter((m) => forecasts.has(m));
    if (members.length > 0) {
      const combined = Array.from({ length: h }, (_, j) => {
        let sum = 0;
        for (const m of members) sum += forecasts.get(m)![j]!;
        return sum / members.length;
      });
      put(
        "combination",
        combined,
        `mean of ${members.map((m) => models.get(m)).join(", ")}`,
        meanFitted(members.map((m) => fitted.get(m)!)),
      );
    }
  }
  if (wanted.has("weighted-combination")) {
    const members = COMBINATION_MEMBERS.filter((m) => forecasts.has(m));
    if (members.length > 0) {
      const weights = inverseMseWeights(
        y,
        members.map((m) => fitted.get(m)!),
      );
      const combined = Array.from({ length: h }, (_, j) =>
        members.reduce((sum, m, k) => sum + weights[k]! * forecasts.get(m)![j]!, 0),
      );
      put(
        "weighted-combination",
        combined,
        `weighted ${members.map((m, k) => `${(100 * weights[k]!).toFixed(0)} % ${models.get(m)}`).join(", ")}`,
        weightedFitted(
          members.map((m) => fitted.get(m)!),
          weights,
        ),
      );
    }
  }
  for (const method of [...forecasts.keys()])
    if (!methods.includes(method)) {
      forecasts.delete(method);
      fitted.delete(method);
    }
  return { forecasts, models, fitted, etsFit, arimaFit };
}
