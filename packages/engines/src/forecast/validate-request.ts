// Bad input is reported as a list of issues, never turned into NaN forecasts.

import type { ForecastRequest } from "./forecast-types";

/** Issues that make a request unanswerable; empty when it can be forecast. */
export function validateRequest(request: ForecastRequest): string[] {
  const issues: string[] = [];
  const { values, horizon, period } = request;
  if (values.length === 0) issues.push("the history is empty");
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) issues.push(`history value ${bad + 1} is ${values[bad]}, not a finite number`);
  if (!Number.isInteger(horizon) || horizon < 1)
    issues.push(`horizon must be a positive integer, got ${horizon}`);
  if (!Number.isInteger(period) || period < 1)
    issues.push(`period must be a positive integer, got ${period}`);
  for (const level of request.quantiles ?? []) {
    if (!(level > 0 && level < 1)) issues.push(`quantile level ${level} is not in (0, 1)`);
  }
  if (request.origins !== undefined && !(Number.isInteger(request.origins) && request.origins >= 0)) {
    issues.push(`origins must be a non-negative integer, got ${request.origins}`);
  }
  return issues;
}
