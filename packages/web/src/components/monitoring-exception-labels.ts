// How each kind of monitoring exception and its state are named on screen.

import type {
  AcknowledgementStatus,
  MonitoringException,
  MonitoringExceptionKind,
} from "../api/monitoring-exceptions";
import { formatPeriod } from "../format/dates";
import type { TagTone } from "./tag";

export const EXCEPTION_KIND: Record<MonitoringExceptionKind, { label: string; tone: TagTone }> = {
  "forecast-bias": { label: "forecast bias", tone: "warning" },
  "plan-attainment": { label: "attainment", tone: "danger" },
  "inventory-above-max": { label: "stock above max", tone: "warning" },
  "inventory-below-safety-stock": { label: "below safety stock", tone: "danger" },
  "otif-below-target": { label: "OTIF", tone: "danger" },
  "decision-overdue": { label: "decision overdue", tone: "info" },
};

export const EXCEPTION_STATUS: Record<MonitoringException["status"], { label: string; tone: TagTone }> = {
  open: { label: "Open", tone: "current" },
  acknowledged: { label: "Acknowledged", tone: "info" },
  resolved: { label: "Resolved", tone: "success" },
  dismissed: { label: "Dismissed", tone: "neutral" },
};

export const ACKNOWLEDGEMENT_STATUSES: readonly AcknowledgementStatus[] = [
  "acknowledged",
  "resolved",
  "dismissed",
];

/** "Oct 2026" or "Sep–Nov 2026 (3 months)". */
export function exceptionMonths(periods: readonly string[]): string {
  if (periods.length === 0) return "—";
  if (periods.length === 1) return formatPeriod(periods[0]!);
  return `${formatPeriod(periods[0]!)}–${formatPeriod(periods.at(-1)!)} (${periods.length} months)`;
}
