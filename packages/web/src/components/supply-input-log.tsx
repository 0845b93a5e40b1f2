// The log of the supply planner's inputs: every change with who, when, old → new and why, newest
// first, each revertible (a revert is itself a new entry).

import type { SupplyInputChange, SupplyInputKind } from "../api/supply-inputs";
import { formatPeriod, formatTimestamp } from "../format/dates";
import { formatCount } from "../format/numbers";

export const INPUT_KIND_LABELS: Record<SupplyInputKind, string> = {
  firm_production: "Firm production",
  regular_hours: "Regular hours",
  overtime_hours: "Overtime limit",
  frozen_periods: "Frozen months",
};

const value = (v: number | null) => (v === null ? "–" : formatCount(v));

export function SupplyInputLog({
  changes,
  onRevert,
  busy,
}: {
  changes: readonly SupplyInputChange[];
  /** Absent for roles that may not change inputs. */
  onRevert?: (id: number) => void;
  busy: boolean;
}) {
  if (changes.length === 0) return <p className="muted">No changes yet.</p>;
  return (
    <table
      className="grid grid-plain"
      aria-label="Changes to the supply inputs"
      data-testid="supply-input-log"
    >
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Input</th>
          <th scope="col">For</th>
          <th scope="col" className="align-right">
            Old → new
          </th>
          <th scope="col">Reason</th>
          {onRevert ? <th scope="col" aria-label="Revert" /> : null}
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.id} data-change={c.id}>
            <td>{formatTimestamp(c.changedAt)}</td>
            <td>{c.changedBy}</td>
            <td>{INPUT_KIND_LABELS[c.kind]}</td>
            <td>
              {c.subject ? <span className="code">{c.subject}</span> : null}{" "}
              {c.period ? formatPeriod(c.period) : null}
            </td>
            <td className="align-right num">
              {value(c.oldValue)} → {value(c.newValue)}
            </td>
            <td>
              {c.reason}
              {c.comment ? <span className="muted"> · {c.comment}</span> : null}
            </td>
            {onRevert ? (
              <td>
                <button
                  type="button"
                  className="button button-small button-quiet"
                  disabled={busy}
                  onClick={() => onRevert(c.id)}
                >
                  Revert
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
