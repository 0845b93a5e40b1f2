// The ETS (error, trend, seasonal) state-space taxonomy of Hyndman et al. (2008): model specs, the
// fitted parameters and states, and their conventional labels such as "ETS(M,Ad,M)".

export type ErrorType = "A" | "M";
/** N none, A additive, Ad additive damped. (Multiplicative trends are not offered, as in R's default.) */
export type TrendType = "N" | "A" | "Ad";
export type SeasonType = "N" | "A" | "M";

export interface EtsSpec {
  readonly error: ErrorType;
  readonly trend: TrendType;
  readonly season: SeasonType;
}

/** Smoothing parameters; β = 0 without trend, γ = 0 without season, φ = 1 unless damped. */
export interface EtsParameters {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
}

/**
 * States at one time point. `seasonal[i]` is the seasonal state of cycle position i, where position
 * is (time index) mod m and time 0 is the first observation; empty without season.
 */
export interface EtsState {
  readonly level: number;
  readonly slope: number;
  readonly seasonal: readonly number[];
}

export interface EtsFit {
  readonly spec: EtsSpec;
  /** Seasonal period m used by the model (1 without season). */
  readonly period: number;
  readonly parameters: EtsParameters;
  /** States before the first observation (time −1). */
  readonly initial: EtsState;
  /** States after the last observation, from which forecasts start. */
  readonly final: EtsState;
  /** Number of observations fitted. */
  readonly n: number;
  /** Number of estimated quantities: parameters, free initial states and σ² (R's `np`). */
  readonly parameterCount: number;
  /** −2·log-likelihood up to a constant, as R's `ets` reports it (`lik`). */
  readonly likelihood: number;
  readonly aic: number;
  readonly aicc: number;
  readonly bic: number;
  /** Residual variance Σεₜ²/(n − np); εₜ are relative errors for multiplicative-error models. */
  readonly sigma2: number;
  /** One-step-ahead fitted values ŷ_{t|t−1}. */
  readonly fitted: readonly number[];
}

export function etsLabel(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend},${spec.season})`;
}

/** True for the linear-state classes whose forecast variance has a closed form used here. */
export function hasAnalyticVariance(spec: EtsSpec): boolean {
  return spec.error === "A" && spec.season !== "M";
}
