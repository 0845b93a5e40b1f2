// Words for the supply plan's codes — strategies, cost kinds, shortage causes — so every screen
// names them alike.

import type { ShortfallCause, SupplyStrategy } from "../api/types";
import { formatPeriod } from "./dates";

export const STRATEGY_LABELS: Record<SupplyStrategy, string> = {
  optimal: "Optimiser",
  level: "Level",
  chase: "Chase",
};

export const COST_KIND_LABELS: Record<string, string> = {
  material: "Material",
  labour: "Labour",
  "hiring-layoff": "Hiring and layoffs",
  overtime: "Overtime",
  "subcontract-expedite": "Subcontracting and expediting",
  transport: "Transport",
  holding: "Holding stock",
  backlog: "Backlog penalty",
  "lost-sales": "Lost sales",
  "safety-stock-shortfall": "Below safety stock",
};

/** One cause of a shortage in a planner's words. */
export function describeCause(cause: ShortfallCause): string {
  const when = cause.period ? ` in ${formatPeriod(cause.period)}` : "";
  switch (cause.kind) {
    case "resource":
      return `${cause.resource} full${when}`;
    case "supplier":
      return `${cause.supplier} cannot deliver more ${cause.component}${when}`;
    case "lead-time":
      return "No source can deliver in time";
    case "cost":
      return "Serving costs more than the shortage";
  }
}

/** Utilisation bands of the heat map: under 70 %, to 90 %, to 100 %, and into overtime. */
export function utilisationBand(percent: number): "low" | "medium" | "high" | "over" {
  if (percent > 100 + 1e-6) return "over";
  if (percent >= 90) return "high";
  if (percent >= 70) return "medium";
  return "low";
}
