// Drill-down from a KPI to what drives it: the SKUs, suppliers, locations or months that contributed
// most to the gap, ranked by contribution in the KPI's own terms (units short, lines missed, money
// lost, months off plan) — so the review starts from the few rows that matter.

import {
  type KpiCode,
  type KpiUnit,
  kpiDefinition,
  orderService,
  realisedSales,
  supplierDelivery,
} from "@fulcrum/engines";
import { pricedLines, serviceLines } from "./scorecard-actuals";
import { measureKpis } from "./scorecard-measures";
import type { ScorecardData } from "./scorecard-service";

export interface DrillRow {
  /** What the row is: a SKU code, a supplier, "PLANT-1 · overtime", a month. */
  readonly subject: string;
  readonly kind: "sku" | "supplier" | "location" | "position" | "period";
  /** The KPI measured on the subject alone (its fill rate, its OTIF…); null where it has none. */
  readonly value: number | null;
  /** How much the subject adds to the gap, in `contributionUnit` (larger = more to blame). */
  readonly contribution: number;
  /** The screen that shows the subject's data. */
  readonly link: string;
}

/** Rows a drill-down returns. */
const ROWS = 50;

export function drillDown(data: ScorecardData, code: KpiCode) {
  const definition = kpiDefinition(code)!;
  const { rows, contributionUnit, basis } = drillRows(data, code);
  return {
    kpi: code,
    name: definition.name,
    from: data.from,
    to: data.to,
    basis,
    contributionUnit,
    rows: rows
      .filter((r) => Math.abs(r.contribution) > 1e-9)
      .sort(
        (a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.subject.localeCompare(b.subject),
      )
      .slice(0, ROWS),
  };
}

function drillRows(
  data: ScorecardData,
  code: KpiCode,
): { rows: DrillRow[]; contributionUnit: KpiUnit; basis: string } {
  const inWindow = new Set<string>(data.periods);
  const asked = data.actuals.lines.filter((l) => inWindow.has(l.requestedMonth));
  const bySku = orderService(serviceLines(asked, (l) => l.sku));
  const skuLink = (sku: string) => `/data/items/${encodeURIComponent(sku)}`;
  const sku = (subject: string, value: number | null, contribution: number): DrillRow => ({
    subject,
    kind: "sku",
    value,
    contribution,
    link: skuLink(subject),
  });
  switch (code) {
    case "order_fill_rate_units":
      return {
        basis: "units requested and not delivered, per SKU",
        contributionUnit: "units",
        rows: bySku.map((s) => sku(s.key, s.unitFillRate, s.requested * (1 - (s.unitFillRate ?? 1)))),
      };
    case "order_fill_rate_lines":
      return {
        basis: "lines not delivered in full, per SKU",
        contributionUnit: "units",
        rows: bySku.map((s) => sku(s.key, s.lineFillRate, s.lines * (1 - (s.lineFillRate ?? 1)))),
      };
    case "otif":
      return {
        basis: "lines not on time in full, per SKU",
        contributionUnit: "units",
        rows: bySku.map((s) => sku(s.key, s.otif, s.lines * (1 - (s.otif ?? 1)))),
      };
    case "cancelled_orders":
      return {
        basis: "units cancelled, per SKU",
        contributionUnit: "units",
        rows: bySku.map((s) => sku(s.key, s.cancelledShare, s.cancelledUnits)),
      };
    case "lost_sales":
      return {
        basis: "value of the units wanted and not delivered, per SKU",
        contributionUnit: "money",
        rows: realisedSales(pricedLines(asked, (l) => l.sku)).map((s) =>
          sku(s.key, s.lostValue, s.lostValue),
        ),
      };
    case "supplier_delivery":
      return {
        basis: "receipt lines due and not on time in full, per supplier",
        contributionUnit: "units",
        rows: supplierDelivery(
          data.actuals.receipts.map((r) => ({ ...r, key: r.supplier })),
          data.asOf,
        ).map((s) => ({
          subject: s.key,
          kind: "supplier",
          value: s.otif,
          contribution: s.lines * (1 - (s.otif ?? 1)),
          link: `/supply/suppliers/${encodeURIComponent(s.key)}`,
        })),
      };
    case "expedite_cost": {
      const sums = new Map<string, number>();
      for (const c of data.actuals.premium) {
        const id = `${c.location} · ${c.kind}`;
        sums.set(id, (sums.get(id) ?? 0) + c.amount);
      }
      return {
        basis: "spend per location and kind",
        contributionUnit: "money",
        rows: [...sums].map(([subject, amount]) => ({
          subject,
          kind: "location",
          value: amount,
          contribution: amount,
          link: "/monitor",
        })),
      };
    }
    case "plan_attainment": {
      const shortfall = new Map<string, { planned: number; met: number }>();
      for (const month of data.supply)
        for (const s of month.attainment.bySku) {
          const own = shortfall.get(s.key!) ?? { planned: 0, met: 0 };
          shortfall.set(s.key!, {
            planned: own.planned + s.planned,
            met: own.met + (s.attainment ?? 0) * s.planned,
          });
        }
      return {
        basis: "units planned and not made, per SKU (the SKUs furthest below plan each month)",
        contributionUnit: "units",
        rows: [...shortfall].map(([key, s]) =>
          sku(key, s.planned > 0 ? s.met / s.planned : null, s.planned - s.met),
        ),
      };
    }
    case "inventory_vs_plan":
    case "days_of_cover":
      return {
        basis: "stock value above (+) or below (−) plan, per stock position and month",
        contributionUnit: "money",
        rows: data.supply.flatMap((month) =>
          month.inventory.rows.map((r) => ({
            subject: `${r.key} ${r.period}`,
            kind: "position" as const,
            value: code === "days_of_cover" ? r.coverDays : r.deviationShare,
            contribution: r.deviationValue,
            link: `/data/items/${encodeURIComponent(r.key.split("@")[0]!)}`,
          })),
        ),
      };
    default: {
      // Accuracy and the executive KPIs: the months furthest from target or plan.
      const measured = measureKpis(data).find((m) => m.code === code)!;
      const definition = kpiDefinition(code)!;
      // Executive ratios are measured against plan (1); the rest against their default target.
      const reference =
        definition.unit === "ratio" && definition.area === "executive" ? 1 : definition.defaultTarget;
      const shortfall = (value: number) => {
        const v = code === "forecast_bias" ? Math.abs(value) : value;
        return definition.direction === "higher" ? reference - v : v - reference;
      };
      return {
        basis: "months worse than the target (the plan for executive ratios), by how far",
        contributionUnit: definition.unit,
        rows: measured.trend
          .filter((t) => t.value !== null)
          .map((t) => ({
            subject: t.period,
            kind: "period" as const,
            value: t.value,
            contribution: Math.max(0, shortfall(t.value!)),
            link: `/monitor/scorecard?from=${t.period}&to=${t.period}`,
          })),
      };
    }
  }
}
