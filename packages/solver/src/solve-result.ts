// Fulcrum's own vocabulary for a solve, so callers never see HiGHS's status codes.

export type SolveStatus = "optimal" | "infeasible" | "unbounded" | "time-limit" | "error";

export interface SolveOptions {
  /** Wall-clock limit in seconds (default 60). */
  readonly timeLimitSeconds?: number;
  /** Relative MIP gap at which branch-and-bound stops (default 1e-3: plans are no more exact than their data). */
  readonly mipRelativeGap?: number;
  /** Stop a MIP at its first feasible plan (a quick draft); reported as `time-limit` with its gap. */
  readonly stopAtFirstPlan?: boolean;
  /** LP algorithm; "choose" picks interior point above 50,000 columns (STACK.md). */
  readonly algorithm?: "choose" | "simplex" | "ipm";
}

/** A solve's outcome, indexed like the model's columns and rows. */
export interface SolveResult {
  readonly status: SolveStatus;
  /** HiGHS's own words for the outcome, for logs and error messages. */
  readonly detail: string;
  /** Objective of the returned point; null when there is none. */
  readonly objective: number | null;
  /** Column values; present when optimal, or at a time limit with a feasible point. */
  readonly columns: Float64Array | null;
  /** Row duals and column reduced costs, for an optimal LP only. */
  readonly duals: { readonly rows: Float64Array; readonly columns: Float64Array } | null;
  /** Relative MIP gap of the returned point (MIP only). */
  readonly mipGap: number | null;
  /** Rows and columns of an irreducible infeasible subsystem, when infeasible and HiGHS found one. */
  readonly conflict: { readonly rows: readonly number[]; readonly columns: readonly number[] } | null;
  readonly seconds: number;
}

export const DEFAULT_TIME_LIMIT_SECONDS = 60;
export const DEFAULT_MIP_GAP = 1e-3;
/** Above this many columns interior point beats simplex on these models (STACK.md). */
export const IPM_COLUMN_THRESHOLD = 50_000;
