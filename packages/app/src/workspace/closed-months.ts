// The window of closed periods a measure looks back over: `to` at most the last closed period (the
// current one is still filling up), `from` by default twelve periods earlier. Shared by every
// measure of actuals so that they all read a request's months alike and refuse the same bad input.

import { addPeriods, bucketOf, type PeriodKey, parsePeriod } from "@fulcrum/domain";
import { AppError } from "../errors";
import type { Company } from "./company";

export const DEFAULT_WINDOW = 12;

export function closedWindow(
  company: Pick<Company, "currentPeriod" | "bucket">,
  request: { readonly from?: string; readonly to?: string },
): { readonly from: PeriodKey; readonly to: PeriodKey } {
  const period = (text: string | undefined, name: string) => {
    if (text === undefined) return undefined;
    const parsed = parsePeriod(text);
    if (!parsed || bucketOf(parsed) !== company.bucket)
      throw new AppError(
        "bad_request",
        `${name} ${text} is not a ${company.bucket} (${company.bucket === "month" ? "YYYY-MM" : "YYYY-Www"})`,
      );
    return parsed;
  };
  const lastClosed = addPeriods(company.currentPeriod, -1);
  const asked = period(request.to, "to");
  const to = asked && asked < lastClosed ? asked : lastClosed;
  const from = period(request.from, "from") ?? addPeriods(to, -(DEFAULT_WINDOW - 1));
  if (from > to) throw new AppError("bad_request", `from ${from} is after ${to}, the last closed month`);
  return { from, to };
}
