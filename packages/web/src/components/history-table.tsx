// The monthly figures behind the sales-history chart, months across as in a planning grid.

import type { CompanyCurrency, HistoryPoint } from "../api/types";
import { formatMoneyRounded, formatPercentFigure, formatQuantity } from "../format/numbers";
import { TimeGrid, type TimeGridMeasure } from "./time-grid";

/** Delivered ÷ ordered in percent; null when nothing was ordered (the ratio is undefined). */
export function deliveredShare(delivered: number, ordered: number): number | null {
  return ordered > 0 ? (100 * delivered) / ordered : null;
}

export function HistoryTable({
  series,
  currency,
}: {
  series: readonly HistoryPoint[];
  currency: CompanyCurrency;
}) {
  const sum = (pick: (p: HistoryPoint) => number) => series.reduce((total, p) => total + pick(p), 0);
  const units = (v: number) => formatQuantity(v, 0);
  const ordered = sum((p) => p.orderedQty);
  const delivered = sum((p) => p.deliveredQty);
  const share = deliveredShare(delivered, ordered);
  const measures: TimeGridMeasure[] = [
    {
      key: "ordered",
      label: "Ordered",
      unit: "units",
      values: series.map((p) => p.orderedQty),
      format: units,
      total: units(ordered),
    },
    {
      key: "delivered",
      label: "Delivered",
      unit: "units",
      values: series.map((p) => p.deliveredQty),
      format: units,
      total: units(delivered),
      emphasis: true,
    },
    {
      key: "cancelled",
      label: "Cancelled",
      unit: "units",
      values: series.map((p) => p.cancelledQty),
      format: units,
      total: units(sum((p) => p.cancelledQty)),
    },
    {
      key: "share",
      label: "Delivered ÷ ordered",
      unit: "%",
      values: series.map((p) => deliveredShare(p.deliveredQty, p.orderedQty) ?? Number.NaN),
      format: (v) => (Number.isNaN(v) ? "–" : formatPercentFigure(v)),
      total: share === null ? "–" : formatPercentFigure(share),
    },
    {
      key: "revenue",
      label: "Revenue",
      unit: currency.code,
      values: series.map((p) => p.revenue),
      format: (v) => formatMoneyRounded(v, currency),
      total: formatMoneyRounded(
        sum((p) => p.revenue),
        currency,
      ),
    },
  ];
  return (
    <TimeGrid
      label="Monthly sales history"
      testId="history-table"
      periods={series.map((p) => p.period)}
      measures={measures}
    />
  );
}
