import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../auth/auth-service";
import { createFulcrum, type Fulcrum } from "../fulcrum";
import { drillDown } from "./scorecard-drill";

// Given a company on 22 November 2026 (last closed month October) with S1 (list 1,000) and S2
// (list 500) in family FAM under CAT, and four October order lines:
//   O1/1 S1 RETAIL 10 asked, 10 delivered on time at 900       → OTIF; revenue 9,000
//   O1/2 S2 RETAIL 20 asked, 20 delivered late, no own price   → filled, not OTIF; revenue 20 · 500
//   O2/1 S1 KEY    10 asked,  6 delivered on time at 1,000     → short; lost 4 · 1,000; revenue 6,000
//   O2/2 S2 KEY    10 asked, all 10 cancelled                  → cancelled, nothing lost
// so October: unit fill 36/50, line fill 2/4, OTIF 1/4, cancelled 10/50, lost 4,000, revenue 25,000.
// COGS: S1 at its realised October cost 550 (16 · 550), S2 at standard 200 (20 · 200) = 12,800;
// margin 12,200. The October cycle committed a plan of revenue 20,000, margin 10,000 and operating
// cash flow 5,000 for October; no plan was committed for September.
// Receipts due in October: on time in full, late, and never received → supplier OTIF 1/3.
// Premium spend: expedite 1,500 (October), overtime 500 (September). Cash in October: nothing (sales
// are collected a month later, none were delivered in September); out: the expedite 1,500 → −1,500.
// Market CAT October 360 units against 36 delivered → 10 %; budget CAT October revenue 30,000.
let database: Database;
let fulcrum: Fulcrum;
let dana: User;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  await fulcrum.workspace.ensureCompany(new Date("2026-11-22T09:00:00Z"));
  dana = await fulcrum.auth.createUser({
    username: "dana",
    displayName: "Dana Demand",
    role: "demand_planner",
    password: "dana-password",
  });
  await database.pool.query(`
    INSERT INTO units_of_measure VALUES ('EA', 'Each');
    INSERT INTO product_groups VALUES ('CAT', 'Drinks', 'category', NULL), ('FAM', 'Juices', 'family', 'CAT');
    INSERT INTO items VALUES ('S1', 'Orange', 'finished', 'FAM', 'EA', 'active', NULL), ('S2', 'Apple', 'finished', 'FAM', 'EA', 'active', NULL),
                             ('R1', 'Sugar', 'raw', NULL, 'EA', 'active', NULL);
    INSERT INTO locations VALUES ('DC', 'Central', 'dc', 'North'), ('PLANT', 'Works', 'plant', 'North');
    INSERT INTO segments VALUES ('RETAIL', 'Retail', 2), ('KEY', 'Key accounts', 1);
    INSERT INTO customers VALUES ('C1', 'Shop', 'RETAIL', 'retail', 'North'), ('C2', 'Chain', 'KEY', 'retail', 'North');
    INSERT INTO prices VALUES ('S1', NULL, '2026-01-01', NULL, 1000), ('S2', NULL, '2026-01-01', NULL, 500);
    INSERT INTO standard_costs VALUES ('S1', 'PLANT', '2026-01-01', NULL, 300, 100, 100), ('S2', 'PLANT', '2026-01-01', NULL, 100, 50, 50);
    INSERT INTO sales_history VALUES
      ('O1', 1, 'S1', 'C1', 'DC', '2026-10-01', '2026-10-10', 10, '2026-10-09', 10, 0, 900),
      ('O1', 2, 'S2', 'C1', 'DC', '2026-10-01', '2026-10-10', 20, '2026-10-15', 20, 0, NULL),
      ('O2', 1, 'S1', 'C2', 'DC', '2026-10-02', '2026-10-10', 10, '2026-10-10', 6, 0, 1000),
      ('O2', 2, 'S2', 'C2', 'DC', '2026-10-02', '2026-10-10', 10, NULL, 0, 10, 1000);
    INSERT INTO cost_actuals VALUES ('2026-10', 'PLANT', 'unit_cost', 'S1', 550), ('2026-10', 'PLANT', 'expedite', NULL, 1500),
                                    ('2026-09', 'PLANT', 'overtime', NULL, 500);
    INSERT INTO suppliers VALUES ('SUP', 'Sweet Co', 60, NULL);
    INSERT INTO supplier_receipts VALUES
      ('P1', 1, 'SUP', 'R1', 'PLANT', '2026-09-01', '2026-10-05', 100, '2026-10-04', 100),
      ('P2', 1, 'SUP', 'R1', 'PLANT', '2026-09-01', '2026-10-20', 50, '2026-10-25', 50),
      ('P3', 1, 'SUP', 'R1', 'PLANT', '2026-09-01', '2026-10-28', 40, NULL, 0);
    INSERT INTO market_sizes VALUES ('CAT', '2026-10', 360);
    INSERT INTO budgets VALUES ('CAT', '2026-10', 50, 30000);`);
  await commitPlan(database, dana, "2026-10", [
    { period: "2026-10", revenue: 20_000, grossMargin: 10_000, operatingCashFlow: 5_000 },
  ]);
});
afterAll(() => database.close());

/** A committed plan for the cycle with the given monthly figures (the rest of the plan is empty). */
async function commitPlan(
  db: Database,
  user: User,
  cycle: string,
  byPeriod: readonly { period: string; revenue: number; grossMargin: number; operatingCashFlow: number }[],
) {
  const scenarioId = await fulcrum.plans.baseScenario(null);
  await db.pool.query("INSERT INTO cycles (period, stage) VALUES ($1, 'committed') ON CONFLICT DO NOTHING", [
    cycle,
  ]);
  const version = async (kind: string, number: number) =>
    (
      await db.pool.query<{ id: number }>(
        "INSERT INTO plan_versions (scenario_id, kind, number, status, cycle_period) VALUES ($1, $2, $3, 'committed', $4) RETURNING id",
        [scenarioId, kind, number, cycle],
      )
    ).rows[0]!.id;
  const demand = await version("demand", 100 + Number(cycle.slice(5)));
  const supply = await version("supply", 100 + Number(cycle.slice(5)));
  const run = (
    await db.pool.query<{ id: number }>(
      `INSERT INTO supply_runs (scenario_id, demand_version_id, version_id, strategy, first_period, horizon, time_limit_seconds, status, phase, started_at)
       VALUES ($1, $2, $3, 'optimal', $4, 6, 60, 'finished', 'done', now()) RETURNING id`,
      [scenarioId, demand, supply, cycle],
    )
  ).rows[0]!.id;
  const finance = { periods: byPeriod.map((p) => p.period), total: { byPeriod, horizon: {} }, groups: [] };
  await db.pool.query(
    `INSERT INTO committed_plans (cycle_period, scenario_id, supply_run_id, demand_version_id, supply_version_id, finance, supply_summary, rationale, committed_by)
     VALUES ($1, $2, $3, $4, $5, $6, '{}', 'test plan', $7)`,
    [cycle, scenarioId, run, demand, supply, JSON.stringify(finance), user.id],
  );
}

const kpiOf = (card: Awaited<ReturnType<Fulcrum["scorecard"]["scorecard"]>>, code: string) =>
  card.kpis.find((k) => k.code === code)!;

describe("KPI scorecard", () => {
  it("measures order service, lost sales and supplier delivery on the hand-computed lines", async () => {
    const card = await fulcrum.scorecard.scorecard({ from: "2026-09" });
    expect(card).toMatchObject({ from: "2026-09", to: "2026-10", scope: "company" });
    expect(kpiOf(card, "order_fill_rate_units").value).toBeCloseTo(36 / 50, 12);
    expect(kpiOf(card, "order_fill_rate_lines").value).toBe(0.5);
    expect(kpiOf(card, "otif")).toMatchObject({
      value: 0.25,
      target: 0.95,
      targetSource: "default",
      status: "off-target",
    });
    expect(kpiOf(card, "cancelled_orders").value).toBeCloseTo(0.2, 12);
    expect(kpiOf(card, "lost_sales").value).toBe(4_000);
    expect(kpiOf(card, "supplier_delivery").value).toBeCloseTo(1 / 3, 12);
    expect(kpiOf(card, "expedite_cost").value).toBe(2_000);
    expect(kpiOf(card, "market_share").value).toBeCloseTo(0.1, 12);
    // September has no order lines: its point says so.
    expect(kpiOf(card, "otif").trend).toEqual([
      { period: "2026-09", value: null, reason: "no order lines" },
      { period: "2026-10", value: 0.25, reason: null },
    ]);
  });

  it("sets the executive KPIs against the committed plan of each month, and says which month has none", async () => {
    const card = await fulcrum.scorecard.scorecard({ from: "2026-09" });
    expect(card.months).toEqual([
      {
        period: "2026-09",
        committedPlanId: null,
        cyclePeriod: null,
        reason: "no plan was committed by 2026-09",
      },
      expect.objectContaining({ period: "2026-10", cyclePeriod: "2026-10", reason: null }),
    ]);
    const revenue = kpiOf(card, "revenue_vs_plan");
    expect(revenue.value).toBeCloseTo(25_000 / 20_000, 12);
    expect(revenue.trend[0]).toEqual({
      period: "2026-09",
      value: null,
      reason: "no plan was committed by 2026-09",
    });
    expect(revenue.details).toEqual(
      expect.arrayContaining([
        { label: "budget revenue", value: 30_000, unit: "money" },
        { label: "revenue ÷ budget", value: 25_000 / 30_000, unit: "ratio" },
      ]),
    );
    expect(kpiOf(card, "margin_vs_plan").value).toBeCloseTo(12_200 / 10_000, 12);
    expect(kpiOf(card, "cash_flow_vs_plan").value).toBe(-1_500 - 5_000);
  });

  it("has no accuracy or supply values without snapshots or supply plans, with the reason", async () => {
    const card = await fulcrum.scorecard.scorecard({ from: "2026-09" });
    expect(kpiOf(card, "forecast_wape")).toMatchObject({ value: null, status: null });
    expect(kpiOf(card, "forecast_wape").reason).toMatch(/snapshot/);
    expect(kpiOf(card, "plan_attainment").value).toBeNull();
    // September has no supply plan at all; October's committed supply plan planned nothing.
    expect(kpiOf(card, "plan_attainment").trend).toEqual([
      { period: "2026-09", value: null, reason: "no supply plan in force for 2026-09" },
      { period: "2026-10", value: null, reason: "nothing was planned" },
    ]);
  });

  it("cuts the order KPIs by segment, and leaves the company-only plan comparison empty", async () => {
    const card = await fulcrum.scorecard.scorecard({ from: "2026-09", segment: "KEY" });
    expect(card.scope).toBe("segment:KEY");
    // KEY: 6 of 20 units, no line OTIF.
    expect(kpiOf(card, "order_fill_rate_units").value).toBeCloseTo(6 / 20, 12);
    expect(kpiOf(card, "otif").value).toBe(0);
    expect(kpiOf(card, "revenue_vs_plan")).toMatchObject({ value: null, filtered: false });
    await expect(fulcrum.scorecard.scorecard({ segment: "NOPE" })).rejects.toThrow(
      "segment: no segment NOPE",
    );
  });

  it("grades against the target in force: the scope's own, else the company's", async () => {
    await fulcrum.kpiTargets.set({ kpi: "otif", target: 0.25, note: "recovery year" }, dana);
    await fulcrum.kpiTargets.set({ kpi: "otif", scope: "segment:KEY", target: 0.5 }, dana);
    const company = await fulcrum.scorecard.scorecard({ from: "2026-09" });
    expect(kpiOf(company, "otif")).toMatchObject({
      target: 0.25,
      targetSource: "company",
      status: "on-target",
    });
    const key = await fulcrum.scorecard.scorecard({ from: "2026-09", segment: "KEY" });
    expect(kpiOf(key, "otif")).toMatchObject({
      target: 0.5,
      targetSource: "segment:KEY",
      status: "off-target",
    });
  });

  it("drills from a KPI to the SKUs and suppliers that drive it, largest contribution first", async () => {
    const data = await fulcrum.scorecard.load({ from: "2026-09" });
    // Not OTIF: S2 both lines (late; cancelled), S1 one (short).
    expect(drillDown(data, "otif").rows.map((r) => [r.subject, r.contribution])).toEqual([
      ["S2", 2],
      ["S1", 1],
    ]);
    expect(drillDown(data, "lost_sales").rows).toEqual([
      { subject: "S1", kind: "sku", value: 4_000, contribution: 4_000, link: "/data/items/S1" },
    ]);
    expect(drillDown(data, "supplier_delivery").rows[0]).toMatchObject({ subject: "SUP", contribution: 2 });
    // Revenue was above plan in October: no month falls short of it.
    expect(drillDown(data, "revenue_vs_plan").rows).toEqual([]);
  });
});
