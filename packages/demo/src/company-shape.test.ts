// The default demo company has the size and the shapes a planner needs to see: hierarchy and
// network counts, seasonality, lumpy low runners, lifecycles and capacity that binds in peak.

import type { ImportRow } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { defaultDemoCompany } from "./default-demo-company";
import { FORESEEN_DELAY_DAYS, PROMISE_LEAD_DAYS } from "./order-lines";

const company = defaultDemoCompany();
const rows = (entity: string): ImportRow[] => company.rows[entity]!;
const count = (entity: string, column: string, value: string) =>
  rows(entity).filter((r) => r[column] === value).length;

/** Requested (or delivered) units per SKU and order month. */
function monthlyBySku(column: "requested_qty" | "delivered_qty"): Map<string, Map<string, number>> {
  const bySku = new Map<string, Map<string, number>>();
  for (const r of rows("sales_history")) {
    const months = bySku.get(r.sku as string) ?? new Map<string, number>();
    const month = (r.order_date as string).slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + (r[column] as number));
    bySku.set(r.sku as string, months);
  }
  return bySku;
}

const historyMonths = [
  ...new Set(rows("sales_history").map((r) => (r.order_date as string).slice(0, 7))),
].sort();
const finished = rows("items").filter((r) => r.item_type === "finished");

describe("the default demo company", () => {
  it("has 3 brands, 8 families, 150 SKUs, 2 plants, 3 DCs, 4 segments, 10 resources, about 40 customers", () => {
    expect(count("product_groups", "level", "brand")).toBe(3);
    expect(count("product_groups", "level", "family")).toBe(8);
    expect(finished).toHaveLength(150);
    expect(count("items", "item_type", "component")).toBeGreaterThan(0);
    expect(count("items", "item_type", "raw")).toBeGreaterThan(0);
    expect(count("locations", "location_type", "plant")).toBe(2);
    expect(count("locations", "location_type", "dc")).toBe(3);
    expect(rows("segments")).toHaveLength(4);
    expect(rows("resources")).toHaveLength(10);
    expect(rows("suppliers")).toHaveLength(6);
    expect(rows("customers").length).toBeGreaterThanOrEqual(35);
    expect(company.company).toMatchObject({ currentPeriod: "2026-11", asOf: "2026-11-22", bucket: "month" });
  });

  it("has 36 full months of history ending the month before asOf, and 40–120k order lines", () => {
    expect(historyMonths).toHaveLength(36);
    expect(historyMonths[0]).toBe("2023-11");
    expect(historyMonths.at(-1)).toBe("2026-10");
    expect(rows("sales_history").length).toBeGreaterThan(40_000);
    expect(rows("sales_history").length).toBeLessThan(120_000);
  });

  it("shows seasonality: the average seasonal profile peaks over 1.2 × its trough", () => {
    const byCalendarMonth = new Map<string, number>();
    for (const [, months] of monthlyBySku("requested_qty")) {
      for (const [month, qty] of months) {
        byCalendarMonth.set(month.slice(5), (byCalendarMonth.get(month.slice(5)) ?? 0) + qty);
      }
    }
    const profile = [...byCalendarMonth.values()];
    expect(profile).toHaveLength(12);
    expect(Math.max(...profile) / Math.min(...profile)).toBeGreaterThan(1.2);
  });

  it("has at least 10 % intermittent SKUs (no demand in over 30 % of the months)", () => {
    const bySku = monthlyBySku("requested_qty");
    const intermittent = finished.filter((item) => {
      const months = bySku.get(item.sku as string) ?? new Map();
      return historyMonths.filter((m) => !(months.get(m) > 0)).length / historyMonths.length > 0.3;
    });
    expect(intermittent.length / finished.length).toBeGreaterThanOrEqual(0.1);
  });

  it("tapers the phase-out SKU's history and gives the launch SKU under a year of it", () => {
    const bySku = monthlyBySku("requested_qty");
    const transition = (kind: string) => rows("product_transitions").find((r) => r.kind === kind)!;
    const phaseOut = bySku.get(transition("phase_out").sku as string)!;
    const qty = historyMonths.map((m) => phaseOut.get(m) ?? 0);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(qty.slice(-3))).toBeLessThan(mean(qty.slice(0, 3)));
    const launch = transition("launch");
    expect(launch.predecessor_sku).not.toBeNull();
    const launched = bySku.get(launch.sku as string)!;
    expect(launched.size).toBeGreaterThan(0);
    expect(launched.size).toBeLessThan(12);
    expect(rows("product_transitions").some((r) => r.kind === "supersession")).toBe(true);
  });

  it("needs more than regular hours on some resource in a peak month", () => {
    const delivered = monthlyBySku("delivered_qty");
    const finishedCodes = new Set(finished.map((i) => i.sku));
    const regular = new Map(
      rows("resource_capacity").map((r) => [`${r.resource}@${r.period}`, r.regular_hours as number]),
    );
    const load = new Map<string, number>();
    for (const op of rows("routings")) {
      if (!finishedCodes.has(op.sku)) continue;
      for (const [month, qty] of delivered.get(op.sku as string) ?? []) {
        const key = `${op.resource}@${month}`;
        load.set(key, (load.get(key) ?? 0) + (op.hours_per_unit as number) * qty);
      }
    }
    const overloaded = [...load].filter(([key, hours]) => hours > regular.get(key)!);
    expect(overloaded.length).toBeGreaterThan(0);
  });

  it("has open orders placed before asOf for delivery within the next months", () => {
    for (const o of rows("open_orders")) {
      expect((o.order_date as string) <= "2026-11-22").toBe(true);
      expect((o.requested_date as string) > "2026-11-22").toBe(true);
      expect((o.requested_date as string) < "2027-03-01").toBe(true);
    }
  });

  it("counts stock at the end of each of the last thirteen months, and makes what it ships and stocks", () => {
    const dates = [...new Set(rows("inventory").map((r) => r.snapshot_date as string))].sort();
    // The twelve months measured, and the end of the month before them: the first past cycle's opening stock.
    expect(dates).toHaveLength(13);
    expect(dates[0]).toBe("2025-10-31");
    expect([...new Set(rows("production_actuals").map((r) => r.period as string))].sort()[0]).toBe("2025-11");
    expect(dates.at(-1)).toBe("2026-10-31");
    // Finished stock per SKU and month end, and units made and shipped per SKU and month.
    const sum = (list: readonly ImportRow[], key: (r: ImportRow) => string, value: string) => {
      const totals = new Map<string, number>();
      for (const r of list) totals.set(key(r), (totals.get(key(r)) ?? 0) + (r[value] as number));
      return totals;
    };
    const codes = new Set(finished.map((f) => f.sku as string));
    const stock = sum(
      rows("inventory").filter((r) => codes.has(r.sku as string)),
      (r) => `${r.sku} ${(r.snapshot_date as string).slice(0, 7)}`,
      "on_hand",
    );
    const made = sum(rows("production_actuals"), (r) => `${r.sku} ${r.period}`, "quantity");
    const shipped = monthlyBySku("delivered_qty");
    // made(Sep) = shipped(Sep) + stock(end Sep) − stock(end Aug), unless that would be negative.
    let balanced = 0;
    for (const sku of codes) {
      const change = (stock.get(`${sku} 2026-09`) ?? 0) - (stock.get(`${sku} 2026-08`) ?? 0);
      const expected = (shipped.get(sku)?.get("2026-09") ?? 0) + change;
      if (expected <= 0) continue;
      expect(made.get(`${sku} 2026-09`) ?? 0).toBeCloseTo(expected, -1);
      balanced++;
    }
    expect(balanced).toBeGreaterThan(100);
    // The month-end counts move with the season: the same SKU-DC is not counted the same each month.
    const dc = rows("inventory").filter(
      (r) => (r.location as string).startsWith("DC-") && r.sku === "SKU-0001",
    );
    expect(new Set(dc.map((r) => r.on_hand)).size).toBeGreaterThan(6);
  });

  it("promises a line later than requested when its lead time is too short or its stock was short", () => {
    const day = (iso: unknown) => Date.parse(iso as string) / 86_400_000;
    const lines = rows("sales_history");
    const later = lines.filter((r) => r.promised_date !== r.requested_date);
    expect(later.length).toBeGreaterThan(lines.length / 10);
    expect(later.length).toBeLessThan(lines.length / 3);
    for (const r of later) {
      const requestLead = day(r.requested_date) - day(r.order_date);
      const promised = day(r.promised_date);
      // Either the lead time was too short, or the line shipped well after its request — on its promise.
      if (requestLead < PROMISE_LEAD_DAYS && promised - day(r.order_date) === PROMISE_LEAD_DAYS) continue;
      expect(day(r.delivered_date) - day(r.requested_date)).toBeGreaterThanOrEqual(FORESEEN_DELAY_DAYS);
      expect(r.promised_date).toBe(r.delivered_date);
    }
    // So more lines are on time against the promise than against the request.
    const onTime = (due: string) =>
      lines.filter((r) => r.delivered_date !== null && (r.delivered_date as string) <= (r[due] as string))
        .length;
    expect(onTime("promised_date") - onTime("requested_date")).toBeGreaterThan(lines.length / 50);
  });

  it("has future promotions, and past ones that lift and discount the lines ordered during them", () => {
    const promos = rows("promotions");
    expect(promos.some((p) => (p.start_date as string) > "2026-11-22")).toBe(true);
    const past = promos.filter((p) => (p.end_date as string) < "2026-11-01");
    const familyOf = new Map(finished.map((i) => [i.sku, i.group_code]));
    const segmentOf = new Map(rows("customers").map((c) => [c.code, c.segment]));
    const promoted = (r: ImportRow) =>
      past.some(
        (p) =>
          (p.sku === r.sku || p.group_code === familyOf.get(r.sku)) &&
          (p.segment === null || p.segment === segmentOf.get(r.customer)) &&
          (r.order_date as string) >= (p.start_date as string) &&
          (r.order_date as string) <= (p.end_date as string),
      );
    const normal = new Map<string, { qty: number; lines: number }>();
    const lifted: ImportRow[] = [];
    for (const r of rows("sales_history")) {
      if (promoted(r)) lifted.push(r);
      else {
        const n = normal.get(r.sku as string) ?? { qty: 0, lines: 0 };
        normal.set(r.sku as string, { qty: n.qty + (r.requested_qty as number), lines: n.lines + 1 });
      }
    }
    expect(lifted.length).toBeGreaterThan(1000);
    const lift = lifted.map((r) => {
      const n = normal.get(r.sku as string)!;
      return (r.requested_qty as number) / (n.qty / n.lines);
    });
    expect(lift.reduce((a, b) => a + b, 0) / lift.length).toBeGreaterThan(1.2);
    const listPrice = (r: ImportRow) =>
      rows("prices").find(
        (p) =>
          p.sku === r.sku &&
          p.segment === segmentOf.get(r.customer) &&
          (p.valid_from as string) <= (r.order_date as string) &&
          (p.valid_to === null || (p.valid_to as string) >= (r.order_date as string)),
      )!.unit_price as number;
    for (const r of lifted.slice(0, 200)) expect(r.unit_price as number).toBeLessThan(listPrice(r));
  });
});
