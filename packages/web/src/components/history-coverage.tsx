// How much sales history the plan stands on: the span of months, order lines and units delivered.

import type { HistoryCoverage as Coverage } from "../api/types";
import { formatPeriod, monthsBetween } from "../format/dates";
import { formatCount, formatQuantity } from "../format/numbers";
import { Stat } from "./stat";

export function HistoryCoverage({ history }: { history: Coverage }) {
  if (!history.firstPeriod || !history.lastPeriod) {
    return <p className="muted">No sales history has been imported yet.</p>;
  }
  return (
    <div className="stats" data-testid="history-coverage">
      <Stat label="First month" value={formatPeriod(history.firstPeriod)} />
      <Stat label="Last month" value={formatPeriod(history.lastPeriod)} />
      <Stat
        label="Span"
        value={formatCount(monthsBetween(history.firstPeriod, history.lastPeriod))}
        unit="months"
      />
      <Stat label="Order lines" value={formatCount(history.orderLines)} />
      <Stat label="Delivered" value={formatQuantity(history.deliveredUnits, 0)} unit="units" />
    </div>
  );
}
