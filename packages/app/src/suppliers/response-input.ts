// A supplier's submission checked before anything is written: every row must name one of this
// supplier's own SKUs, a period of the horizon it was asked about, a non-negative capacity and a
// whole, non-negative lead time in days. One bad row refuses the whole submission, naming it.

import { AppError } from "../errors";
import { RESPONSE_STATUSES, type ResponseStatus } from "./supplier-responses";

export interface ResponseInput {
  readonly sku: string;
  readonly period: string;
  /** Units the supplier can deliver for receipt in the period. */
  readonly capacity: number;
  readonly leadTimeDays: number;
  readonly status: ResponseStatus;
  readonly comment?: string;
}

/** Longest comment kept; a longer one is refused rather than cut. */
export const MAX_COMMENT_LENGTH = 1000;

/**
 * Throws AppError bad_request naming the first bad row (1-based, with its SKU and period) when
 * any row is bad or a SKU-period appears twice; returns nothing when all are good.
 */
export function checkResponses(
  rows: readonly ResponseInput[],
  own: { readonly supplier: string; readonly skus: ReadonlySet<string>; readonly periods: readonly string[] },
): void {
  if (rows.length === 0) throw new AppError("bad_request", "the submission has no rows");
  const horizon = new Set(own.periods);
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const name = `row ${index + 1} (${row.sku} ${row.period})`;
    const refuse = (message: string) => {
      throw new AppError("bad_request", `${name}: ${message}; nothing was saved`, { row: index + 1 });
    };
    if (!own.skus.has(row.sku)) refuse(`${row.sku} is not a part ${own.supplier} supplies`);
    if (!horizon.has(row.period))
      refuse(`${row.period} is not in the planning horizon ${own.periods[0]}…${own.periods.at(-1)}`);
    if (!Number.isFinite(row.capacity) || row.capacity < 0)
      refuse(`capacity is ${row.capacity}, not a non-negative number`);
    if (!Number.isInteger(row.leadTimeDays) || row.leadTimeDays < 0)
      refuse(`lead time is ${row.leadTimeDays}, not a whole number of days ≥ 0`);
    if (!RESPONSE_STATUSES.includes(row.status)) refuse(`status is ${row.status}, not confirmed or counter`);
    if ((row.comment ?? "").length > MAX_COMMENT_LENGTH)
      refuse(`the comment is longer than ${MAX_COMMENT_LENGTH} characters`);
    const key = `${row.sku}\u0000${row.period}`;
    if (seen.has(key)) refuse("this SKU and period appear twice");
    seen.add(key);
  });
}
