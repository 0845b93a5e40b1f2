// Shortages of a supply plan, largest revenue at risk first: which SKU, where, for whom and when,
// how many units, and the limits that caused them.

import type { CompanyCurrency, SupplyShortage } from "../api/types";
import { formatPeriod } from "../format/dates";
import { formatCount, formatMoneyRounded } from "../format/numbers";
import { describeCause } from "../format/supply-labels";

export function ShortageTable({
  shortages,
  currency,
  limit = 25,
}: {
  shortages: readonly SupplyShortage[];
  currency: CompanyCurrency;
  limit?: number;
}) {
  if (shortages.length === 0)
    return (
      <p className="muted" data-testid="shortages-none">
        The plan serves all demand in the month it is asked for.
      </p>
    );
  return (
    <table className="grid grid-plain" aria-label="Shortages" data-testid="shortages">
      <thead>
        <tr>
          <th scope="col">SKU</th>
          <th scope="col">Location</th>
          <th scope="col">Segment</th>
          <th scope="col">Month</th>
          <th scope="col" className="align-right">
            Units short
          </th>
          <th scope="col" className="align-right">
            Revenue at risk ({currency.code})
          </th>
          <th scope="col">Cause</th>
        </tr>
      </thead>
      <tbody>
        {shortages.slice(0, limit).map((s) => (
          <tr key={`${s.sku}|${s.location}|${s.segment}|${s.period}`}>
            <td className="code">{s.sku}</td>
            <td>{s.location}</td>
            <td>{s.segment}</td>
            <td>{formatPeriod(s.period)}</td>
            <td className="align-right num">{formatCount(s.units)}</td>
            <td className="align-right num">{formatMoneyRounded(s.revenueAtRisk, currency)}</td>
            <td>{s.causes.map(describeCause).join("; ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
