import type { PeriodKey } from "@fulcrum/domain";
import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFulcrum, type Fulcrum } from "../fulcrum";
import { SolverHandle } from "../supply/solver-handle";

let database: Database;
let fulcrum: Fulcrum;
const solver = new SolverHandle();
let novemberPlan: number;

/** The November plan's cells of one measure and item type, as "SKU@LOCATION" → units. */
async function planned(versionId: number, measure: string, itemType = "finished") {
  const { rows } = await database.pool.query<{ key: string; value: number }>(
    `SELECT v.sku || '@' || v.location AS key, sum(v.value) AS value FROM plan_values v JOIN items i ON i.sku = v.sku
     WHERE v.version_id = $1 AND v.measure = $2 AND v.period = '2026-11' AND i.item_type = $3 GROUP BY 1 ORDER BY 1`,
    [versionId, measure, itemType],
  );
  return rows.map((r) => ({ key: r.key, value: Number(r.value) }));
}

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z"), solver });
  await fulcrum.loadDemo({ skuCount: 12, seed: 3, asOf: "2026-11-22" });
  await fulcrum.forecasts.run({ horizon: 6, historyMonths: 36, level: "sku", userId: null });
  const run = await fulcrum.supply.run({
    horizon: 6,
    strategy: "optimal",
    timeLimitSeconds: 60,
    userId: null,
  });
  novemberPlan = run.versionId!;
});
afterAll(async () => {
  await solver.discard();
  await database.close();
});

describe("supply KPIs from actuals", () => {
  it("measures nothing while no month with a plan has closed", async () => {
    const kpis = await fulcrum.supplyKpis.supplyKpis();
    // The demo's production actuals cover the year before any supply plan existed.
    expect(kpis.to).toBe("2026-10");
    expect(kpis.plans.every((p) => p.versionId === null)).toBe(true);
    expect(kpis.attainment.total).toMatchObject({ planned: 0, actual: 0, attainment: null });
    expect(kpis.inventory.positions).toBe(0);
  });

  it("measures a closed month against the plan in force for it, not a later re-plan", async () => {
    const production = await planned(novemberPlan, "supply.production");
    const [short, over] = production.filter((p) => p.value >= 1000);
    // One SKU made 100 short, one 10 % over, the rest exactly to plan.
    const actual = production.map((p) =>
      p === short ? { ...p, value: p.value - 100 } : p === over ? { ...p, value: p.value * 1.1 } : p,
    );
    for (const a of actual) {
      const [sku, plant] = a.key.split("@");
      await database.pool.query(
        "INSERT INTO production_actuals (sku, location, period, quantity) VALUES ($1, $2, '2026-11', $3)",
        [sku, plant, a.value],
      );
    }
    // The optimiser also plans the filled bottles it blends and fills; plants report finished goods
    // only, so attainment measures finished goods — the bottles are neither planned nor made in it.
    const bottles = await planned(novemberPlan, "supply.production", "component");
    const projected = await planned(novemberPlan, "inventory.projected");
    const dc = projected.find((p) => p.key.includes("@DC-") && p.value > 0)!;
    const [dcSku, dcLocation] = dc.key.split("@");
    await database.pool.query(
      "INSERT INTO inventory (sku, location, snapshot_date, on_hand) VALUES ($1, $2, '2026-11-30', $3)",
      [dcSku, dcLocation, dc.value + 200],
    );
    // A count of a position the plan does not carry (an item never planned at that plant) has no
    // plan to be judged against: it is not compared with a plan of nothing.
    const { rows: unplanned } = await database.pool.query<{ sku: string; location: string }>(
      `SELECT i.sku, l.code AS location FROM items i CROSS JOIN locations l
       WHERE l.location_type = 'plant' AND NOT EXISTS (
         SELECT 1 FROM plan_values v WHERE v.version_id = $1 AND v.sku = i.sku AND v.location = l.code)
       ORDER BY 1, 2 LIMIT 1`,
      [novemberPlan],
    );
    expect(unplanned).toHaveLength(1);
    await database.pool.query(
      "INSERT INTO inventory (sku, location, snapshot_date, on_hand) VALUES ($1, $2, '2026-11-30', 5000)",
      [unplanned[0]!.sku, unplanned[0]!.location],
    );
    // A plant's finished stock covers the shipments the plan sends from it after the month.
    const { rows: shipping } = await database.pool.query<{ sku: string; location: string }>(
      `SELECT sku, location FROM plan_values
       WHERE version_id = $1 AND measure = 'supply.shipments' AND period = '2026-12' AND value > 100
       ORDER BY value DESC LIMIT 1`,
      [novemberPlan],
    );
    expect(shipping).toHaveLength(1);
    await database.pool.query(
      "INSERT INTO inventory (sku, location, snapshot_date, on_hand) VALUES ($1, $2, '2026-11-30', 100)",
      [shipping[0]!.sku, shipping[0]!.location],
    );
    await fulcrum.workspace.updateCompany({ currentPeriod: "2026-12" as PeriodKey, asOf: "2026-12-02" });
    // The December cycle forecasts and re-plans: that must not change how November is judged.
    await fulcrum.forecasts.run({ horizon: 6, historyMonths: 36, level: "sku", userId: null });
    await fulcrum.supply.run({ horizon: 6, strategy: "optimal", timeLimitSeconds: 60, userId: null });

    const kpis = await fulcrum.supplyKpis.supplyKpis({ from: "2026-11", tolerance: 0.05 });
    expect(kpis.plans).toEqual([{ period: "2026-11", versionId: novemberPlan, cyclePeriod: "2026-11" }]);
    const total = production.reduce((sum, p) => sum + p.value, 0);
    expect(bottles.length).toBeGreaterThan(0);
    expect(kpis.attainment.total.planned).toBeCloseTo(total, 6);
    expect(kpis.attainment.total.attainment).toBeCloseTo((total - 100) / total, 9);
    const bySku = new Map(kpis.attainment.bySku.map((a) => [a.key, a]));
    const shortSku = short!.key.split("@")[0]!;
    expect(bySku.get(shortSku)?.attainment).toBeCloseTo((short!.value - 100) / short!.value, 9);
    expect(bySku.get(over!.key.split("@")[0]!)).toMatchObject({ attainment: 1, withinTolerance: 0 });
    // A plant's volume: the over-made SKU makes up for the short one when they share the plant.
    const plantOf = (key: string) => key.split("@")[1]!;
    const plant = kpis.attainment.byPlant.find((a) => a.key === plantOf(short!.key))!;
    const plantPlan = production.filter((p) => plantOf(p.key) === plant.key).reduce((s, p) => s + p.value, 0);
    const plantMade = plantPlan - 100 + (plantOf(over!.key) === plant.key ? over!.value * 0.1 : 0);
    expect(plant.attainment).toBeCloseTo(Math.min(plantMade, plantPlan) / plantPlan, 9);
    // The worst SKU comes first.
    expect(kpis.attainment.bySku[0]?.key).toBe(shortSku);
    expect(kpis.attainment.byResource.length).toBeGreaterThan(0);
    for (const r of kpis.attainment.byResource) expect(r.attainment).not.toBeNull();

    // The DC position and the plant's; not the position the plan does not carry.
    expect(kpis.inventory.positions).toBe(2);
    const dcRow = kpis.inventory.rows.find((r) => r.key === dc.key)!;
    expect(dcRow).toMatchObject({ period: "2026-11" });
    expect(dcRow.deviation).toBeCloseTo(200, 6);
    const plantRow = kpis.inventory.rows.find(
      (r) => r.key === `${shipping[0]!.sku}@${shipping[0]!.location}`,
    )!;
    // 100 units against more than 100 shipped in December: less than a month of cover, not unbounded.
    expect(plantRow.coverDays).not.toBeNull();
    expect(plantRow.coverDays!).toBeLessThan(30);
  });

  it("refuses a range that ends before it starts, and weeks in a monthly company", async () => {
    await expect(fulcrum.supplyKpis.supplyKpis({ from: "2026-12" })).rejects.toThrow(
      "from 2026-12 is after 2026-11, the last closed month",
    );
    await expect(fulcrum.supplyKpis.supplyKpis({ from: "2026-W03" })).rejects.toThrow(
      "from 2026-W03 is not a month (YYYY-MM)",
    );
  });
});
