import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFulcrum, type Fulcrum } from "../fulcrum";
import type { ScorecardRequest } from "./scorecard-service";

// Given a company on 22 November 2026 (window: October) with two families under CAT — FA holding
// S1 (standard cost 500) and FB holding S2 (standard cost 200) — plants PA and PB and a DC:
// - Demand: October asked and delivered S1 100 at 900 (revenue 90,000, margin 40,000) and S2 50 at
//   500 (revenue 25,000, margin 15,000).
// - The September cycle's demand plan for October: S1 statistical 100, consensus 90; S2
//   statistical 40, consensus 60. Consensus errors: S1 −10, S2 +10.
//     FA: WAPE 10/100 = 10 %, bias −10 %, statistical WAPE 0 → FVA −10 %.
//     FB: WAPE 10/50 = 20 %, bias +20 %, statistical WAPE 10/50 = 20 % → FVA 0.
//     Company: WAPE 20/150, bias 0, MAPE (10 % + 20 %)/2 = 15 %, FVA (10 − 20)/150.
// - The October committed supply plan: S1@PA 100, S2@PA 40, S2@PB 60 to make; made S1@PA 80,
//   S2@PA 40, S2@PB 30. Attainment (SKU by SKU, all short or on plan so Σmade/Σplanned):
//     FA 80/100; FB 70/100; company 150/200; PA (80 + 40)/140; PB 30/60.
//   Stock at the DC on 31 October: S1 120 (plan 100), S2 50 (plan 50); demand served after it:
//   S1 60 a month and S2 50 a month for three months.
//     FA value 60,000 vs 50,000 → |Δ|/plan 0.2, cover: 120 lasts two months of 60 → 60 days.
//     FB value 10,000 vs 10,000 → 0, cover: 50 lasts one month of 50 → 30 days.
//     Company 70,000 vs 60,000 → 1/6, cover: 170 against 110 a month → 30 + 30 · 60/110 days.
//   Its finance cells for October: S1 revenue 100,000, COGS 50,000; S2 revenue 25,000, COGS
//   10,000; the company plan 125,000 revenue, 65,000 margin.
//     FA revenue 90,000/100,000, margin 40,000/50,000; FB 25,000/25,000 and 15,000/15,000;
//     company 115,000/125,000 and 55,000/65,000.
let database: Database;
let fulcrum: Fulcrum;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  await fulcrum.workspace.ensureCompany(new Date("2026-11-22T09:00:00Z"));
  const committer = await fulcrum.auth.createUser({
    username: "erin",
    displayName: "Erin Exec",
    role: "executive",
    password: "erin-password",
  });
  const scenario = await fulcrum.plans.baseScenario(null);
  const september = await fulcrum.plans.createVersion({
    scenarioId: scenario,
    kind: "demand",
    cyclePeriod: "2026-09",
    user: null,
  });
  await database.pool.query(`
    INSERT INTO units_of_measure VALUES ('EA', 'Each');
    INSERT INTO product_groups VALUES ('CAT', 'Drinks', 'category', NULL),
      ('FA', 'Juices', 'family', 'CAT'), ('FB', 'Sodas', 'family', 'CAT');
    INSERT INTO items VALUES ('S1', 'Orange', 'finished', 'FA', 'EA', 'active', NULL),
                             ('S2', 'Cola', 'finished', 'FB', 'EA', 'active', NULL);
    INSERT INTO locations VALUES ('PA', 'Works A', 'plant', 'North'), ('PB', 'Works B', 'plant', 'North'),
                                 ('DC', 'Central', 'dc', 'North');
    INSERT INTO segments VALUES ('RETAIL', 'Retail', 1);
    INSERT INTO customers VALUES ('C1', 'Shop', 'RETAIL', 'retail', 'North');
    INSERT INTO prices VALUES ('S1', NULL, '2026-01-01', NULL, 1000), ('S2', NULL, '2026-01-01', NULL, 500);
    INSERT INTO standard_costs VALUES ('S1', 'PA', '2026-01-01', NULL, 300, 100, 100),
                                      ('S2', 'PA', '2026-01-01', NULL, 100, 50, 50);
    INSERT INTO sales_history VALUES
      ('O1', 1, 'S1', 'C1', 'DC', '2026-10-01', '2026-10-10', 100, '2026-10-10', 100, 0, 900),
      ('O2', 1, 'S2', 'C1', 'DC', '2026-10-01', '2026-10-10', 50, '2026-10-10', 50, 0, 500);
    INSERT INTO demand_snapshots (cycle_period, version_id, taken_at) VALUES ('2026-09', ${september.id}, now());
    INSERT INTO demand_snapshot_values (snapshot_id, layer, sku, period, value)
      SELECT s.id, v.layer, v.sku, '2026-10', v.value FROM demand_snapshots s,
        (VALUES ('statistical', 'S1', 100), ('consensus', 'S1', 90),
                ('statistical', 'S2', 40), ('consensus', 'S2', 60)) AS v(layer, sku, value);
    INSERT INTO production_actuals (sku, location, period, quantity) VALUES
      ('S1', 'PA', '2026-10', 80), ('S2', 'PA', '2026-10', 40), ('S2', 'PB', '2026-10', 30);
    INSERT INTO inventory (sku, location, snapshot_date, on_hand) VALUES
      ('S1', 'DC', '2026-10-31', 120), ('S2', 'DC', '2026-10-31', 50);`);
  await commitPlan(scenario, committer.id);
});
afterAll(() => database.close());

/** The October cycle's committed plan, with its supply version's cells. */
async function commitPlan(scenarioId: number, userId: number): Promise<void> {
  const cycle = "2026-10";
  await database.pool.query(
    "INSERT INTO cycles (period, stage) VALUES ($1, 'committed') ON CONFLICT DO NOTHING",
    [cycle],
  );
  const version = async (kind: string) =>
    (
      await database.pool.query<{ id: number }>(
        "INSERT INTO plan_versions (scenario_id, kind, number, status, cycle_period) VALUES ($1, $2, 50, 'draft', $3) RETURNING id",
        [scenarioId, kind, cycle],
      )
    ).rows[0]!.id;
  const demand = await version("demand");
  const supply = await version("supply");
  await database.pool.query(
    `INSERT INTO plan_values (version_id, measure, sku, location, period, value)
     SELECT $1, v.measure, v.sku, v.location, v.period, v.value FROM (VALUES
       ('supply.production', 'S1', 'PA', '2026-10', 100), ('supply.production', 'S2', 'PA', '2026-10', 40),
       ('supply.production', 'S2', 'PB', '2026-10', 60),
       ('inventory.projected', 'S1', 'DC', '2026-10', 100), ('inventory.projected', 'S2', 'DC', '2026-10', 50),
       ('supply.served', 'S1', 'DC', '2026-11', 60), ('supply.served', 'S1', 'DC', '2026-12', 60),
       ('supply.served', 'S1', 'DC', '2027-01', 60), ('supply.served', 'S2', 'DC', '2026-11', 50),
       ('supply.served', 'S2', 'DC', '2026-12', 50), ('supply.served', 'S2', 'DC', '2027-01', 50),
       ('finance.revenue', 'S1', NULL, '2026-10', 100000), ('finance.cogs', 'S1', NULL, '2026-10', 50000),
       ('finance.revenue', 'S2', NULL, '2026-10', 25000), ('finance.cogs', 'S2', NULL, '2026-10', 10000)
     ) AS v(measure, sku, location, period, value)`,
    [supply],
  );
  await database.pool.query("UPDATE plan_versions SET status = 'committed' WHERE id = ANY($1)", [
    [demand, supply],
  ]);
  const run = (
    await database.pool.query<{ id: number }>(
      `INSERT INTO supply_runs (scenario_id, demand_version_id, version_id, strategy, first_period, horizon, time_limit_seconds, status, phase, started_at)
       VALUES ($1, $2, $3, 'optimal', $4, 6, 60, 'finished', 'done', now()) RETURNING id`,
      [scenarioId, demand, supply, cycle],
    )
  ).rows[0]!.id;
  const byPeriod = [{ period: cycle, revenue: 125_000, grossMargin: 65_000, operatingCashFlow: 1_000 }];
  const finance = { periods: [cycle], total: { byPeriod, horizon: {} }, groups: [] };
  await database.pool.query(
    `INSERT INTO committed_plans (cycle_period, scenario_id, supply_run_id, demand_version_id, supply_version_id, finance, supply_summary, rationale, committed_by)
     VALUES ($1, $2, $3, $4, $5, $6, '{}', 'test plan', $7)`,
    [cycle, scenarioId, run, demand, supply, JSON.stringify(finance), userId],
  );
}

const card = (filter: Omit<ScorecardRequest, "from" | "to"> = {}) =>
  fulcrum.scorecard.scorecard({ from: "2026-10", ...filter });
type Card = Awaited<ReturnType<typeof card>>;
const kpi = (c: Card, code: string) => c.kpis.find((k) => k.code === code)!;
const detail = (c: Card, code: string, label: string) =>
  kpi(c, code).details.find((d) => d.label === label)?.value;

describe("scorecard under a product-group or location filter", () => {
  it("measures forecast accuracy on the family's SKUs alone", async () => {
    const [company, fa, fb] = await Promise.all([card(), card({ node: "FA" }), card({ node: "FB" })]);
    expect(kpi(fa, "forecast_wape")).toMatchObject({ filtered: true });
    expect(kpi(fa, "forecast_wape").value).toBeCloseTo(0.1, 12);
    expect(kpi(fb, "forecast_wape").value).toBeCloseTo(0.2, 12);
    expect(kpi(company, "forecast_wape").value).toBeCloseTo(20 / 150, 12);
    // WAPE combines volume-weighted: (10 % · 100 + 20 % · 50) / 150 is the company's.
    expect((kpi(fa, "forecast_wape").value! * 100 + kpi(fb, "forecast_wape").value! * 50) / 150).toBeCloseTo(
      kpi(company, "forecast_wape").value!,
      12,
    );
    expect(kpi(fa, "forecast_bias").value).toBeCloseTo(-0.1, 12);
    expect(kpi(fb, "forecast_bias").value).toBeCloseTo(0.2, 12);
    expect(kpi(company, "forecast_bias").value).toBeCloseTo(0, 12);
    expect(kpi(company, "forecast_mape").value).toBeCloseTo(0.15, 12);
    expect(kpi(fa, "forecast_value_added").value).toBeCloseTo(-0.1, 12);
    expect(kpi(fb, "forecast_value_added").value).toBeCloseTo(0, 12);
    expect(kpi(company, "forecast_value_added").value).toBeCloseTo(-10 / 150, 12);
    // The snapshot cells are per SKU: a location does not cut them, and the card says so.
    expect(kpi(await card({ location: "DC" }), "forecast_wape")).toMatchObject({ filtered: false });
  });

  it("measures plan attainment on the family's and the plant's production", async () => {
    const [company, fa, fb, pa, pb] = await Promise.all([
      card(),
      card({ node: "FA" }),
      card({ node: "FB" }),
      card({ location: "PA" }),
      card({ location: "PB" }),
    ]);
    expect(kpi(fa, "plan_attainment")).toMatchObject({ value: 0.8, filtered: true });
    expect(kpi(fb, "plan_attainment").value).toBeCloseTo(0.7, 12);
    expect(kpi(company, "plan_attainment").value).toBeCloseTo(0.75, 12);
    expect(kpi(pa, "plan_attainment")).toMatchObject({ filtered: true });
    expect(kpi(pa, "plan_attainment").value).toBeCloseTo(120 / 140, 12);
    expect(kpi(pb, "plan_attainment").value).toBeCloseTo(0.5, 12);
    // Units planned and made add up: Σmade/Σplanned of the families is the company's attainment.
    const totals = await Promise.all(
      ["FA", "FB"].map(async (node) => (await fulcrum.scorecard.load({ from: "2026-10", node })).supply[0]!),
    );
    const planned = totals.reduce((s, t) => s + t.attainment.total.planned, 0);
    const made = totals.reduce((s, t) => s + t.attainment.total.actual, 0);
    expect([planned, made]).toEqual([200, 150]);
    expect(made / planned).toBeCloseTo(kpi(company, "plan_attainment").value!, 12);
    // A customer segment does not apply to production: the company's figure, marked so.
    expect(kpi(await card({ segment: "RETAIL" }), "plan_attainment")).toMatchObject({
      value: 0.75,
      filtered: false,
    });
  });

  it("measures inventory versus plan and days of cover on the family's and the location's stock", async () => {
    const [company, fa, fb, dc, pa] = await Promise.all([
      card(),
      card({ node: "FA" }),
      card({ node: "FB" }),
      card({ location: "DC" }),
      card({ location: "PA" }),
    ]);
    expect(kpi(fa, "inventory_vs_plan")).toMatchObject({ filtered: true });
    expect(kpi(fa, "inventory_vs_plan").value).toBeCloseTo(0.2, 12);
    expect(kpi(fb, "inventory_vs_plan").value).toBe(0);
    expect(kpi(company, "inventory_vs_plan").value).toBeCloseTo(1 / 6, 12);
    expect(kpi(fa, "days_of_cover").value).toBeCloseTo(60, 12);
    expect(kpi(fb, "days_of_cover").value).toBeCloseTo(30, 12);
    expect(kpi(company, "days_of_cover").value).toBeCloseTo(30 + (30 * 60) / 110, 12);
    // Stock values add up across the families.
    for (const label of ["actual stock value", "planned stock value"])
      expect(detail(fa, "inventory_vs_plan", label)! + detail(fb, "inventory_vs_plan", label)!).toBe(
        detail(company, "inventory_vs_plan", label),
      );
    expect(detail(company, "inventory_vs_plan", "actual stock value")).toBe(70_000);
    // All stock is at the DC; the plant holds none, so it has nothing to measure.
    expect(kpi(dc, "inventory_vs_plan").value).toBeCloseTo(1 / 6, 12);
    expect(kpi(pa, "inventory_vs_plan")).toMatchObject({ value: null, filtered: true });
  });

  it("sets the family's realised revenue and margin against its SKUs' committed plan cells", async () => {
    const [company, fa, fb] = await Promise.all([card(), card({ node: "FA" }), card({ node: "FB" })]);
    expect(kpi(fa, "revenue_vs_plan")).toMatchObject({ value: 0.9, filtered: true });
    expect(kpi(fa, "margin_vs_plan").value).toBeCloseTo(0.8, 12);
    expect(kpi(fb, "revenue_vs_plan").value).toBeCloseTo(1, 12);
    expect(kpi(fb, "margin_vs_plan").value).toBeCloseTo(1, 12);
    expect(kpi(company, "revenue_vs_plan").value).toBeCloseTo(115_000 / 125_000, 12);
    expect(kpi(company, "margin_vs_plan").value).toBeCloseTo(55_000 / 65_000, 12);
    // Plan and actual add up: the families' cells are the company's committed plan.
    for (const code of ["revenue_vs_plan", "margin_vs_plan"])
      for (const label of ["actual (months with a plan)", "committed plan"])
        expect(detail(fa, code, label)! + detail(fb, code, label)!).toBe(detail(company, code, label));
    expect(kpi(fa, "revenue_vs_plan").trend).toEqual([{ period: "2026-10", value: 0.9, reason: null }]);
    // Cash flow is planned for the company only.
    expect(kpi(fa, "cash_flow_vs_plan")).toMatchObject({
      value: null,
      filtered: false,
      reason: "the committed plan's cash flow is kept for the company total only",
    });
  });

  it("leaves revenue and margin versus plan empty under a location, with the reason", async () => {
    const dc = await card({ node: "FA", location: "DC" });
    expect(kpi(dc, "revenue_vs_plan")).toMatchObject({
      value: null,
      filtered: false,
      reason: "the committed plan prices each SKU's plan, not each location's",
    });
    expect(kpi(dc, "margin_vs_plan")).toMatchObject({ value: null, filtered: false });
  });
});
