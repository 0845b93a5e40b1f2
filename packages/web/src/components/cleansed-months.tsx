// The history months a forecast model did not learn as they were: outliers replaced by the
// baseline, promotion months cleared of the promotion's effect (ADR 0303, 0501) — so a planner can
// see why the fitted line ignores last spring's peak.

import type { CleansedMonth } from "../api/types";
import { formatPeriod } from "../format/dates";
import { formatQuantity } from "../format/numbers";
import { Num } from "./num";

const REASONS: Record<CleansedMonth["reason"], string> = {
  outlier: "Outlier",
  promotion: "Promotion",
};

export function CleansedMonths({ months }: { months: readonly CleansedMonth[] }) {
  if (months.length === 0) return null;
  return (
    <table className="grid grid-plain" aria-label="Cleansed history months" data-testid="forecast-cleansing">
      <thead>
        <tr>
          <th scope="col">Cleansed month</th>
          <th scope="col">Why</th>
          <th scope="col" className="align-right">
            Ordered
          </th>
          <th scope="col" className="align-right">
            Learned as
          </th>
        </tr>
      </thead>
      <tbody>
        {months.map((m) => (
          <tr key={m.period}>
            <th scope="row">{formatPeriod(m.period)}</th>
            <td>{REASONS[m.reason]}</td>
            <td className="align-right">
              <Num unit="EA">{formatQuantity(m.original, 0)}</Num>
            </td>
            <td className="align-right">
              <Num unit="EA">{formatQuantity(m.cleansed, 0)}</Num>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
