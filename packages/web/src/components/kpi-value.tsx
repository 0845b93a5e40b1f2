// A KPI's value in its own unit — a share as a percentage, money in whole major units, days with
// one decimal, a ratio to two — with the status colour against its target.

import type { KpiStatus, KpiUnit } from "../api/scorecard";
import type { CompanyCurrency } from "../api/types";
import { formatMoneyRounded, formatPercent, formatQuantity } from "../format/numbers";

export function formatKpi(value: number | null, unit: KpiUnit, currency: CompanyCurrency): string {
  if (value === null) return "—";
  switch (unit) {
    case "share":
      return formatPercent(value * 100, 1);
    case "money":
      return `${formatMoneyRounded(value, currency)} ${currency.code}`;
    case "days":
      return `${formatQuantity(value, 1, 1)} d`;
    case "ratio":
      return formatQuantity(value, 2, 2);
    default:
      return formatQuantity(value, 0);
  }
}

const STATUS_LABEL: Record<KpiStatus, string> = {
  "on-target": "on target",
  near: "near target",
  "off-target": "off target",
};

export function KpiValue({
  value,
  unit,
  status,
  currency,
  testId,
}: {
  value: number | null;
  unit: KpiUnit;
  status: KpiStatus | null;
  currency: CompanyCurrency;
  testId?: string;
}) {
  return (
    <span
      className={`num kpi-value${status ? ` kpi-${status}` : ""}`}
      title={status ? STATUS_LABEL[status] : "no value"}
      data-status={status ?? "none"}
      data-testid={testId}
    >
      {formatKpi(value, unit, currency)}
    </span>
  );
}
