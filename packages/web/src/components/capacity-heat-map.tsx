// Capacity heat map of a supply plan: one row per resource, one column per month, each cell the
// load as a share of regular hours, coloured by band, and marked where the plan needs overtime.
// With `onPick`, a cell click picks that resource and month (for a capacity edit).

import type { ResourceLoad } from "../api/types";
import { formatPeriod } from "../format/dates";
import { formatCount, formatQuantity } from "../format/numbers";
import { utilisationBand } from "../format/supply-labels";

export function CapacityHeatMap({
  periods,
  capacity,
  names,
  onPick,
}: {
  periods: readonly string[];
  capacity: readonly ResourceLoad[];
  names: Readonly<Record<string, string>>;
  onPick?: (cell: { resource: string; period: string }) => void;
}) {
  return (
    <div className="heat-map-scroll">
      <table
        className="grid grid-plain heat-map"
        aria-label="Capacity utilisation"
        data-testid="capacity-heat-map"
      >
        <thead>
          <tr>
            <th scope="col">Resource</th>
            {periods.map((p) => (
              <th scope="col" key={p} className="align-right">
                {formatPeriod(p)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {capacity.map((r) => (
            <tr key={r.resource} data-resource={r.resource}>
              <th scope="row">
                <span className="heat-map-name">{names[r.resource] ?? r.resource}</span>
                <span className="code">{r.resource}</span>
              </th>
              {r.utilisation.map((u, t) => {
                const overtime = r.overtimeHours[t] ?? 0;
                return (
                  <td
                    key={periods[t]}
                    className={`heat-cell heat-${utilisationBand(u)}`}
                    data-overtime={overtime > 1e-6 ? "true" : undefined}
                    title={`${formatCount(r.load[t] ?? 0)} h of ${formatCount(r.regularHours[t] ?? 0)} regular h${
                      overtime > 1e-6 ? `, ${formatCount(overtime)} h overtime` : ""
                    }`}
                  >
                    {onPick ? (
                      <button
                        type="button"
                        className="heat-pick"
                        aria-label={`Edit ${r.resource} in ${formatPeriod(periods[t]!)}`}
                        onClick={() => onPick({ resource: r.resource, period: periods[t]! })}
                      >
                        {formatQuantity(u, 0)}
                      </button>
                    ) : (
                      formatQuantity(u, 0)
                    )}
                    {overtime > 1e-6 ? <span className="heat-ot">OT</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="heat-map-legend muted">
        Load as % of regular hours: <span className="heat-chip heat-low">&lt; 70</span>
        <span className="heat-chip heat-medium">70–90</span>
        <span className="heat-chip heat-high">90–100</span>
        <span className="heat-chip heat-over">overtime</span> · OT marks months that use overtime hours.
      </p>
    </div>
  );
}
