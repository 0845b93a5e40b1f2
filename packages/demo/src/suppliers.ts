// The suppliers the raw materials are bought from, and what each delivers: lead time, minimum
// order and monthly capacity sized on the materials' actual usage.

import type { ImportRow } from "@fulcrum/domain";
import type { RawMaterial } from "./materials";
import { stream } from "./random";

export interface Supplier {
  readonly code: string;
  readonly name: string;
  readonly paymentTermsDays: number;
  readonly country: string;
}

export const SUPPLIERS: readonly Supplier[] = [
  { code: "SUP-01", name: "Citrus Growers Co-op", paymentTermsDays: 60, country: "ES" },
  { code: "SUP-02", name: "Alpine Fruit Concentrates", paymentTermsDays: 45, country: "AT" },
  { code: "SUP-03", name: "EuroPET Bottles", paymentTermsDays: 30, country: "DE" },
  { code: "SUP-04", name: "Closure Systems Italia", paymentTermsDays: 60, country: "IT" },
  { code: "SUP-05", name: "PrintLab Labels", paymentTermsDays: 30, country: "NL" },
  { code: "SUP-06", name: "Baltic Packaging", paymentTermsDays: 45, country: "PL" },
];

export function supplierRows(): ImportRow[] {
  return SUPPLIERS.map((s) => ({
    code: s.code,
    name: s.name,
    payment_terms_days: s.paymentTermsDays,
    country: s.country,
  }));
}

/**
 * Minimum order ≈ two weeks of average use, rounded to two significant figures. The main
 * supplier can deliver 1.3–1.8 × the average month (so peaks can bind), a second source half as
 * much at a 8 % higher price and a week more lead time; film and trays are unlimited.
 *
 * @param monthlyUse average monthly use per raw material code over the last year.
 */
export function supplierItemRows(
  seed: number,
  raws: readonly RawMaterial[],
  monthlyUse: ReadonlyMap<string, number>,
): ImportRow[] {
  const rng = stream(seed, "supplier-items");
  const rows: ImportRow[] = [];
  for (const raw of raws) {
    const use = Math.max(1, monthlyUse.get(raw.code) ?? 0);
    raw.suppliers.forEach((s, rank) => {
      const unlimited = raw.uom === "M" || raw.code.startsWith("RM-TRAY");
      const capacity = rank === 0 ? use * rng.between(1.3, 1.8) : use * 0.5;
      rows.push({
        supplier: SUPPLIERS[s]!.code,
        sku: raw.code,
        lead_time_days: raw.leadTimeDays + 7 * rank,
        lead_time_sd_days: Math.round(raw.leadTimeDays * rng.between(0.1, 0.25) * 10) / 10,
        min_order_qty: twoFigures(use / 2),
        capacity_per_period: unlimited ? null : twoFigures(capacity),
        unit_cost: Math.max(1, Math.round(raw.eurPerUnit * (1 + 0.08 * rank) * 100)),
      });
    });
  }
  return rows;
}

function twoFigures(value: number): number {
  return Math.max(1, Number(value.toPrecision(2)));
}
