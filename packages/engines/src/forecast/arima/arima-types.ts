// The ARIMA model's vocabulary: an order specification that can be frozen and re-estimated, and the
// fitted model with everything its forecasts need.

/** ARIMA(p,d,q)(P,D,Q)m; the period m lives with the series, not the spec. */
export interface ArimaSpec {
  readonly p: number;
  readonly d: number;
  readonly q: number;
  readonly P: number;
  readonly D: number;
  readonly Q: number;
  /** A mean (when d + D = 0) or a drift (when d + D = 1); ignored when d + D ≥ 2. */
  readonly constant: boolean;
}

/** The fitted model. Coefficients follow R's sign conventions: φ(B)Φ(Bᵐ)∇ᵈ∇ₘᴰ(yₜ − xₜβ) = θ(B)Θ(Bᵐ)εₜ. */
export interface ArimaFit {
  readonly spec: ArimaSpec;
  readonly period: number;
  readonly ar: readonly number[];
  readonly ma: readonly number[];
  readonly sar: readonly number[];
  readonly sma: readonly number[];
  /** Intercept (d + D = 0) or drift per period (d + D = 1) when the spec has a constant, else null. */
  readonly constant: number | null;
  /** Coefficients of the external regressors (xreg columns), in their order. */
  readonly xreg: readonly number[];
  /** Innovation variance, residual sum of squares / (n − d − Dm − number of coefficients), as R. */
  readonly sigma2: number;
  readonly loglik: number;
  readonly aic: number;
  readonly aicc: number;
  readonly bic: number;
  /** Observations left after differencing (the likelihood's n). */
  readonly nobs: number;
  /** State of the model at the end of the history, for forecasting. */
  readonly terminal: ArimaTerminalState;
}

/** The Kalman filter's view at the end of the history. */
export interface ArimaTerminalState {
  /** Expanded AR and MA polynomials φ(B)Φ(Bᵐ) and θ(B)Θ(Bᵐ) (coefficients of B¹…). */
  readonly phi: Float64Array;
  readonly theta: Float64Array;
  /** Differencing polynomial ∇ᵈ∇ₘᴰ = 1 − δ₁B − … (δ₁…). */
  readonly delta: Float64Array;
  /** Filtered ARMA state and its covariance (in units of σ²). */
  readonly state: Float64Array;
  readonly covariance: Float64Array;
  /** Last values of the regression error uₜ = yₜ − xₜβ, newest first (as many as δ has terms). */
  readonly lags: Float64Array;
  /** Number of observations in the history (time index of the last one, 1-based). */
  readonly length: number;
}

/** "ARIMA(1,1,1)(0,1,1)[12] with drift", in R's wording. */
export function arimaLabel(spec: ArimaSpec, period: number, xregCount = 0): string {
  let label = `ARIMA(${spec.p},${spec.d},${spec.q})`;
  if (period > 1 && spec.P + spec.D + spec.Q > 0) label += `(${spec.P},${spec.D},${spec.Q})[${period}]`;
  const differences = spec.d + spec.D;
  if (spec.constant && differences === 0) label += " with non-zero mean";
  else if (spec.constant && differences === 1) label += " with drift";
  else if (differences === 0) label += " with zero mean";
  if (xregCount > 0) label = `regression with ${label} errors`;
  return label;
}
