// The exceptions a demand review starts from, largest value at stake first: a consensus biased the
// same way for months, a plan outside the statistical P10–P90 band, a plan far from the last
// cycle's. Each line says what is wrong in words a planner would use, and opens its SKU in the grid
// or its forecast chart.

import { Link } from "react-router";
import { type DemandException, useDemandExceptions } from "../api/demand-exceptions";
import type { CompanyCurrency } from "../api/types";
import { formatPeriod } from "../format/dates";
import { formatCount, formatMoneyRounded, formatQuantity } from "../format/numbers";
import { Panel } from "./panel";
import { ErrorMessage, Loading } from "./query-state";
import { Tag, type TagTone } from "./tag";

const KIND: Record<DemandException["kind"], { label: string; tone: TagTone }> = {
  biased: { label: "biased", tone: "danger" },
  "outside-band": { label: "outside band", tone: "warning" },
  changed: { label: "changed", tone: "info" },
};

const months = (periods: readonly string[]) =>
  periods.length === 1
    ? formatPeriod(periods[0]!)
    : `${formatPeriod(periods[0]!)}–${formatPeriod(periods.at(-1)!)} (${periods.length} months)`;
const signed = (v: number) => `${v > 0 ? "+" : ""}${formatCount(v)}`;

export function describeException(e: DemandException): string {
  if (e.kind === "biased")
    return `consensus ${e.units > 0 ? "over" : "under"}-forecast by ${formatQuantity(Math.abs(e.percent ?? 0), 0)} % in recent months (tracking signal ${formatQuantity(e.trackingSignal ?? 0, 1, 1)}); the same bias would be ${signed(e.units)} units over the plan`;
  if (e.kind === "outside-band")
    return `plan ${signed(e.units)} units ${e.units > 0 ? "above the statistical P90" : "below the statistical P10"}`;
  return `plan ${signed(e.units)} units (${e.percent === null ? "–" : `${e.percent > 0 ? "+" : ""}${formatQuantity(e.percent, 0)} %`}) on the last cycle's`;
}

export function DemandExceptionsPanel({
  versionId,
  currency,
  onOpen,
}: {
  versionId: number;
  currency: CompanyCurrency;
  /** Opens the exception's SKU in the grid above (its row selected, every layer shown). */
  onOpen?: (exception: DemandException) => void;
}) {
  const exceptions = useDemandExceptions(versionId);
  return (
    <Panel
      title="Exceptions"
      subtitle={
        exceptions.data
          ? `${formatCount(exceptions.data.total)} exceptions, largest value at stake first (units × price)`
          : "Largest value at stake first"
      }
      testId="demand-exceptions"
    >
      {exceptions.isPending ? <Loading /> : null}
      {exceptions.isError ? <ErrorMessage error={exceptions.error} /> : null}
      {exceptions.data?.exceptions.length === 0 ? (
        <p className="muted">
          No exceptions: the plan stays inside the statistical band, near the last cycle's, and unbiased.
        </p>
      ) : null}
      {exceptions.data && exceptions.data.exceptions.length > 0 ? (
        <table className="grid grid-plain" aria-label="Demand exceptions">
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col">Exception</th>
              <th scope="col">Months</th>
              <th scope="col">What</th>
              <th scope="col" className="align-right">
                At stake ({currency.code})
              </th>
              <th scope="col">
                <span className="visually-hidden">Chart</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {exceptions.data.exceptions.slice(0, 25).map((e) => (
              <tr key={`${e.sku}/${e.kind}`} data-kind={e.kind} data-sku={e.sku}>
                <th scope="row">
                  {onOpen ? (
                    <button
                      type="button"
                      className="link-button"
                      data-testid="exception-open"
                      title="Show this SKU's row and layers in the grid"
                      onClick={() => onOpen(e)}
                    >
                      <span className="code">{e.sku}</span> {e.name}
                    </button>
                  ) : (
                    <>
                      <span className="code">{e.sku}</span> {e.name}
                    </>
                  )}
                </th>
                <td>
                  <Tag tone={KIND[e.kind].tone}>{KIND[e.kind].label}</Tag>
                </td>
                <td>{months(e.periods)}</td>
                <td>{describeException(e)}</td>
                <td className="align-right num">{formatMoneyRounded(e.valueAtStake, currency)}</td>
                <td>
                  <Link
                    to={`/demand/forecast?node=${encodeURIComponent(e.sku)}&kind=item`}
                    data-testid="exception-chart"
                    title="History, statistical forecast and its P10–P90 band"
                  >
                    Chart
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Panel>
  );
}
