// The forecasting engine's contract: what a caller asks for and what every forecast carries — the
// point path, quantiles, the chosen method and the scoreboard that explains the choice.

import type { CleansingChange } from "./cleansing/cleanse-history";
import type { DemandProfile } from "./intermittent/demand-class";

export type MethodName =
  | "naive"
  | "seasonal-naive"
  | "naive2"
  | "drift"
  | "ses"
  | "theta"
  | "optimised-theta"
  | "dynamic-theta"
  | "ets"
  | "arima"
  | "combination"
  | "weighted-combination"
  | "croston"
  | "sba"
  | "tsb"
  | "adida";

/** How the final method is chosen. */
export type SelectionStrategy =
  /** The combination for smooth and erratic demand; the best backtested intermittent method otherwise. */
  | "default"
  /** Whichever candidate has the lowest backtest MAE (RMSE for intermittent demand). */
  | "backtest";

export interface ForecastRequest {
  /** History, oldest first, in demand units; finite numbers only. */
  readonly values: readonly number[];
  /** Number of future periods to forecast (a positive integer). */
  readonly horizon: number;
  /** Seasonal period m: 12 for monthly, 4 for quarterly, 1 for none. */
  readonly period: number;
  /** Quantile levels in (0, 1) to return; default [0.1, 0.5, 0.9]. */
  readonly quantiles?: readonly number[];
  readonly strategy?: SelectionStrategy;
  /** Candidates to backtest; default depends on the demand class. */
  readonly candidates?: readonly MethodName[];
  /** Maximum number of rolling backtest origins (default 6). */
  readonly origins?: number;
  /** Seed for any simulation, so results are reproducible (default 1). */
  readonly seed?: number;
  /** History cleansing before fitting; see `cleanseHistory`. */
  readonly cleansing?: {
    /** Replace outliers of smooth and erratic demand (default true; never for intermittent demand). */
    readonly outliers?: boolean;
    /** Promotion periods by history index, replaced by the baseline so the model learns normal demand. */
    readonly promotions?: readonly boolean[];
    /** Known promotion factors by history index, divided out (see `cleanseHistory`). */
    readonly promotionLift?: readonly number[];
  };
}

export interface QuantileForecast {
  /** Probability level in (0, 1), e.g. 0.9 for P90. */
  readonly level: number;
  readonly values: readonly number[];
}

/** One candidate's rolling-origin backtest accuracy; errors in demand units unless stated. */
export interface ScoreboardEntry {
  readonly method: MethodName;
  /** Mean absolute error over every origin and step. */
  readonly mae: number;
  readonly rmse: number;
  /** Mean forecast − actual: positive means over-forecasting. */
  readonly bias: number;
  /** MAE divided by the in-sample seasonal-naive MAE of the full history (MASE). */
  readonly mase: number;
  /** Number of origins the candidate could be fitted at. */
  readonly origins: number;
  readonly chosen: boolean;
}

export interface Forecast {
  readonly method: MethodName;
  /** Human-readable model, e.g. "mean of ETS(M,Ad,N), Theta". */
  readonly model: string;
  readonly point: readonly number[];
  /** Ascending by level; values never cross between levels. */
  readonly quantiles: readonly QuantileForecast[];
  readonly scoreboard: readonly ScoreboardEntry[];
  /**
   * In-sample one-step-ahead fitted values of the chosen method, one per history value (same
   * length as the request's `values`); null where the method has none, e.g. the first periods.
   * Clamped at 0 like the forecast for non-negative histories.
   */
  readonly fitted: readonly (number | null)[];
  readonly demand: DemandProfile;
  /** History periods replaced before fitting (outliers, promotions), oldest first. */
  readonly cleansing: readonly CleansingChange[];
  /** Plain-language notes: fallbacks taken, intervals that could not be calibrated, … */
  readonly notes: readonly string[];
}

export type ForecastResult =
  | { readonly ok: true; readonly forecast: Forecast }
  | { readonly ok: false; readonly issues: readonly string[] };
