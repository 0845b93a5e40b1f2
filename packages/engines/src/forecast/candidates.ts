// Runs the candidate methods on one history, sharing work between them (the combination reuses
// the ETS and Theta forecasts), so a backtest origin costs each model once.

import { fitArima } from "./arima/arima-fit";
import { arimaPredict } from "./arima/arima-forecast";
import { type ArimaFit, type ArimaSpec, arimaLabel } from "./arima/arima-types";
import { autoArima } from "./arima/auto-arima";
import { drift, naive, naive2, seasonalNaive } from "./baselines";
import { autoEts } from "./ets/auto-ets";
import { fitEts } from "./ets/ets-fit";
import { etsPointForecast } from "./ets/ets-forecast";
import { type EtsFit, type EtsSpec, etsLabel } from "./ets/ets-types";
import type { MethodName } from "./forecast-types";
import { adida } from "./intermittent/adida";
import { croston, sba, tsb } from "./intermittent/croston";
import { optimisedThetaForecast } from "./optimised-theta";
import { reseasonalise, seasonalAdjustment } from "./seasonality";
import { fitSes } from "./ses";
import { thetaForecast } from "./theta";

/**
 * Members of the default combination, averaged with equal weights. On M1 (docs/decisions/0301)
 * mean(ETS, Theta) scored OWA 0.871, mean(ETS, Theta, optimised Theta) 0.881 and the median of the
 * three 0.905; ARIMA should join when it exists, as in the classic ETS–ARIMA–Theta combination.
 */
export const COMBINATION_MEMBERS: readonly MethodName[] = ["ets", "theta"];

export interface CandidateForecasts {
  /** Point forecasts of every method that could be fitted; absent methods could not. */
  readonly forecasts: ReadonlyMap<MethodName, number[]>;
  /** Model description per method, e.g. "ETS(M,Ad,N)". */
  readonly models: ReadonlyMap<MethodName, string>;
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
  let etsFit: EtsFit | null = null;
  let arimaFit: ArimaFit | null = null;
  const wanted = new Set(methods);
  if (wanted.has("combination")) for (const m of COMBINATION_MEMBERS) wanted.add(m);

  const put = (method: MethodName, forecast: number[] | null | undefined, model: string) => {
    if (forecast?.every(Number.isFinite)) {
      forecasts.set(method, forecast);
      models.set(method, model);
    }
  };
  for (const method of wanted) {
    switch (method) {
      case "naive":
        put(method, naive(y, h), "naive");
        break;
      case "seasonal-naive":
        put(method, seasonalNaive(y, h, period), `seasonal naive (m = ${period})`);
        break;
      case "naive2":
        put(method, naive2(y, h, period), "Naive2");
        break;
      case "drift":
        put(method, drift(y, h), "random walk with drift");
        break;
      case "ses": {
        const adjustment = seasonalAdjustment(y, period);
        const fit = fitSes(adjustment.adjusted);
        if (fit)
          put(method, reseasonalise(new Array<number>(h).fill(fit.level), adjustment, y.length), "SES");
        break;
      }
      case "theta":
        put(method, thetaForecast(y, h, period), "Theta");
        break;
      case "optimised-theta": {
        const fit = optimisedThetaForecast(y, h, period);
        if (fit) put(method, fit.forecast, `optimised Theta (θ = ${fit.theta.toFixed(2)})`);
        break;
      }
      case "ets": {
        etsFit = (frozen.ets && fitEts(y, frozen.ets, period)) || autoEts(y, period)?.best || null;
        if (etsFit) put(method, etsPointForecast(etsFit, h), etsLabel(etsFit.spec));
        break;
      }
      case "arima": {
        arimaFit = (frozen.arima && fitArima(y, frozen.arima, period)) || autoArima(y, period)?.fit || null;
        if (arimaFit) put(method, arimaPredict(arimaFit, h).mean, arimaLabel(arimaFit.spec, arimaFit.period));
        break;
      }
      case "croston":
        put(method, croston(y, h), "Croston (α = 0.1)");
        break;
      case "sba":
        put(method, sba(y, h), "SBA (α = 0.1)");
        break;
      case "tsb":
        put(method, tsb(y, h), "TSB (α = 0.1, 0.1)");
        break;
      case "adida":
        put(method, adida(y, h), "ADIDA");
        break;
      case "combination":
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
      put("combination", combined, `mean of ${members.map((m) => models.get(m)).join(", ")}`);
    }
  }
  for (const method of [...forecasts.keys()]) if (!methods.includes(method)) forecasts.delete(method);
  return { forecasts, models, etsFit, arimaFit };
}
