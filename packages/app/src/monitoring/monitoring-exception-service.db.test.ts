import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../auth/auth-service";
import { ForecastAccuracyService } from "../demand/forecast-accuracy-service";
import { createFulcrum, type Fulcrum } from "../fulcrum";
import type { Comparison } from "../scenarios/scenario-comparison-service";
import { MonitoringExceptionService } from "./monitoring-exception-service";
import { OrderServiceKpis } from "./order-service-kpis";
import { SupplyKpiService } from "./supply-kpi-service";

let database: Database;
let fulcrum: Fulcrum;
let dana: User;
let erin: User;
let sam: User;

// The December 2026 cycle looks back over June–November. Prices: S1 10.00, S2 20.00; standard
// cost at the plant: S1 5.00, S2 10.00 (minor units below).
beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-12-05T09:00:00Z") });
  await fulcrum.workspace.ensureCompany(new Date("2026-12-05T09:00:00Z"));
  await fulcrum.workspace.updateCompany({ currentPeriod: "2026-12" as never, asOf: "2026-12-05" });
  const user = (username: string, displayName: string, role: User["role"]) =>
    fulcrum.auth.createUser({ username, displayName, role, password: `${username}-secret-1` });
  dana = await user("dana", "Dana Demand", "demand_planner");
  erin = await user("erin", "Erin Exec", "executive");
  sam = await user("sam", "Sam Sales", "sales");
  const scenario = await fulcrum.plans.baseScenario(null);
  const demand = await fulcrum.plans.createVersion({
    scenarioId: scenario,
    kind: "demand",
    cyclePeriod: "2026-08",
    user: null,
  });
  const supply = await fulcrum.plans.createVersion({
    scenarioId: scenario,
    kind: "supply",
    cyclePeriod: "2026-09",
    user: null,
  });
  await database.pool.query(`
    INSERT INTO units_of_measure VALUES ('EA', 'Each');
    INSERT INTO product_groups VALUES ('FAM-A', 'Juices', 'family', NULL);
    INSERT INTO items VALUES ('S1', 'Orange', 'finished', 'FAM-A', 'EA', 'active', NULL),
                             ('S2', 'Apple', 'finished', 'FAM-A', 'EA', 'active', NULL);
    INSERT INTO locations VALUES ('PLANT', 'Works', 'plant', 'North'), ('DC', 'Central', 'dc', 'North');
    INSERT INTO segments VALUES ('KEY', 'Key accounts', 1), ('RETAIL', 'Retail', 2);
    INSERT INTO customers VALUES ('C1', 'Shop', 'RETAIL', 'retail', 'North'), ('C2', 'Chain', 'KEY', 'retail', 'North');
    INSERT INTO prices VALUES ('S1', NULL, '2026-01-01', NULL, 1000), ('S2', NULL, '2026-01-01', NULL, 2000);
    INSERT INTO standard_costs VALUES ('S1', 'PLANT', '2026-01-01', NULL, 300, 100, 100),
                                      ('S2', 'PLANT', '2026-01-01', NULL, 800, 100, 100);
    -- 100 units a month of each SKU; October's lines arrive late. Lines are priced at 10.00.
    INSERT INTO sales_history VALUES
      ('R9', 1, 'S1', 'C1', 'DC', '2026-08-20', '2026-09-10', 100, '2026-09-10', 100, 0, 1000),
      ('R10', 1, 'S1', 'C1', 'DC', '2026-09-20', '2026-10-10', 100, '2026-10-14', 100, 0, 1000),
      ('R11', 1, 'S1', 'C1', 'DC', '2026-10-20', '2026-11-10', 100, '2026-11-09', 100, 0, 1000),
      ('K9', 1, 'S2', 'C2', 'DC', '2026-08-20', '2026-09-10', 100, '2026-09-10', 100, 0, 1000),
      ('K10', 1, 'S2', 'C2', 'DC', '2026-09-20', '2026-10-10', 100, '2026-10-12', 100, 0, 1000),
      ('K11', 1, 'S2', 'C2', 'DC', '2026-10-20', '2026-11-10', 100, '2026-11-10', 100, 0, 1000);
    -- What each cycle approved for the month after it: S1 130 a month, S2 exactly its demand.
    INSERT INTO demand_snapshots (cycle_period, version_id, taken_at) VALUES
      ('2026-08', ${demand.id}, now()), ('2026-09', ${demand.id}, now()), ('2026-10', ${demand.id}, now());
    INSERT INTO demand_snapshot_values (snapshot_id, layer, sku, period, value)
      SELECT s.id, l.layer, v.sku, to_char(to_date(s.cycle_period, 'YYYY-MM') + interval '1 month', 'YYYY-MM'),
             CASE WHEN v.sku = 'S1' AND l.layer = 'consensus' THEN 130 WHEN v.sku = 'S1' THEN 120 ELSE 100 END
      FROM demand_snapshots s, (VALUES ('statistical'), ('consensus')) AS l(layer), (VALUES ('S1'), ('S2')) AS v(sku);
    -- The supply plan: 200 of S1 and 100 of S2 a month at the plant; at the DC a target of 100,
    -- safety stock 40 and 50 a month served.
    INSERT INTO plan_values (version_id, measure, sku, location, period, value)
      SELECT ${supply.id}, m.measure, v.sku, m.location, p.period, CASE
               WHEN m.measure = 'supply.production' AND v.sku = 'S1' THEN 200
               WHEN m.measure = 'supply.production' THEN 100
               WHEN m.measure = 'inventory.target' THEN 100
               WHEN m.measure = 'inventory.projected' THEN 100
               WHEN m.measure = 'inventory.safety_stock' THEN 40
               ELSE 50 END
      FROM (VALUES ('supply.production', 'PLANT'), ('inventory.target', 'DC'), ('inventory.projected', 'DC'),
                   ('inventory.safety_stock', 'DC'), ('supply.served', 'DC')) AS m(measure, location),
           (VALUES ('S1'), ('S2')) AS v(sku),
           (VALUES ('2026-09'), ('2026-10'), ('2026-11'), ('2026-12')) AS p(period);
    INSERT INTO production_actuals VALUES
      ('S1', 'PLANT', '2026-09', 200), ('S1', 'PLANT', '2026-10', 150), ('S1', 'PLANT', '2026-11', 180),
      ('S2', 'PLANT', '2026-09', 100), ('S2', 'PLANT', '2026-10', 100), ('S2', 'PLANT', '2026-11', 100);
    INSERT INTO inventory VALUES ('S1', 'DC', '2026-10-31', 25), ('S1', 'DC', '2026-11-30', 30),
                                 ('S2', 'DC', '2026-11-30', 200);
    -- OTIF targets: the company's 60 %, Retail's own raised from 80 % to 90 %.
    INSERT INTO kpi_targets (kpi, scope, target, set_by) VALUES
      ('otif', 'company', 0.6, ${erin.id}), ('otif', 'segment:RETAIL', 0.8, ${erin.id}),
      ('otif', 'segment:RETAIL', 0.9, ${erin.id});
    INSERT INTO cycles (period, stage) VALUES ('2026-11', 'committed') ON CONFLICT DO NOTHING;
    INSERT INTO decisions (cycle_period, title, owner_id, due_date, status, created_by) VALUES
      ('2026-11', 'Add a second shift', ${erin.id}, '2026-11-20', 'open', ${erin.id}),
      ('2026-11', 'Close the old line', ${erin.id}, '2026-11-10', 'done', ${erin.id}),
      ('2026-11', 'Review prices', ${erin.id}, '2026-12-20', 'open', ${erin.id});
    INSERT INTO scenarios (name, parent_id) VALUES ('Second shift', ${scenario});
    INSERT INTO decisions (cycle_period, title, owner_id, due_date, status, scenario_id, created_by)
      SELECT '2026-11', 'Run the second shift', ${erin.id}, '2026-11-25', 'open', id, ${erin.id}
      FROM scenarios WHERE name = 'Second shift';`);
});
afterAll(() => database.close());

describe("monitoring exceptions for the next cycle", () => {
  it("lists each rule's exception with its hand-computed value at stake, largest first", async () => {
    const list = await fulcrum.monitoringExceptions.list();
    expect(list).toMatchObject({ cycle: "2026-12", from: "2026-06", to: "2026-11", biasPeriods: 3 });
    expect(list.exceptions.map((e) => [e.key, e.valueAtStake])).toEqual([
      // S1's consensus 130 against 100 for three months: Σ 90 units × 10.00.
      ["forecast-bias:S1:2026-11", 90_000],
      // Retail 2 of 3 lines OTIF against its own 90 % (not the company's 60 %): (0.9 − 2/3) × 300,000.
      // Key accounts' 2/3 meets the company's 60 %.
      ["otif-below-target:RETAIL:2026-11", 70_000],
      // S2 at the DC: 200 against a maximum of target 100 + December's 50: 50 × 10.00 standard cost.
      ["inventory-above-max:S2@DC:2026-11", 50_000],
      // S1 made 150 and 180 of 200 in October and November (75 %, 90 %): 70 units × 5.00.
      ["plan-attainment:S1:2026-11", 35_000],
      // S1 at the DC ended October at 25 and November at 30, still 10 short of 40: 10 × (10.00 − 5.00).
      ["inventory-below-safety-stock:S1@DC:2026-11", 5_000],
      // Due 20 November, open on 5 December; the done one and the one not yet due are not listed.
      ["decision-overdue:1:2026-11-20", 0],
      // Its scenario was never planned, so there is no margin to compare: 0, 10 days overdue.
      ["decision-overdue:4:2026-11-25", 0],
    ]);
    const [bias, otif, , attainment, , decision] = list.exceptions;
    expect(bias).toMatchObject({
      kind: "forecast-bias",
      subject: { type: "sku", code: "S1", name: "Orange" },
      periods: ["2026-09", "2026-10", "2026-11"],
      link: "/demand/forecast?node=S1&kind=item",
      status: "open",
      acknowledgedBy: null,
      action: null,
    });
    expect(otif).toMatchObject({ limit: 0.9, link: "/monitor?segment=RETAIL", subject: { name: "Retail" } });
    expect(attainment).toMatchObject({
      periods: ["2026-10", "2026-11"],
      units: 70,
      link: "/data/production_actuals?q=S1",
    });
    expect(list.exceptions[2]!.link).toBe("/data/inventory?q=S2");
    expect(decision).toMatchObject({ units: 15, link: "/executive#decision-1" });
  });

  it("values an overdue decision at its scenario's margin difference from the base plan", async () => {
    // Base margin 1,000,000, the scenario's 1,250,000: 250,000 at stake.
    const figures = (grossMargin: number) => ({ figures: { grossMargin } });
    const service = new MonitoringExceptionService(
      database,
      fulcrum.workspace,
      new ForecastAccuracyService(database, fulcrum.workspace),
      new SupplyKpiService(database, fulcrum.workspace, fulcrum.plans),
      new OrderServiceKpis(database, fulcrum.workspace),
      () => new Date("2026-12-05T09:00:00Z"),
      {
        compare: async (input) => {
          expect(input.node).toEqual({ kind: "all" });
          return { columns: [figures(1_000_000), figures(1_250_000)] } as unknown as Comparison;
        },
      },
      fulcrum.kpiTargets,
    );
    const decisions = (await service.list()).exceptions.filter((e) => e.kind === "decision-overdue");
    expect(decisions.map((d) => [d.key, d.valueAtStake, d.units])).toEqual([
      ["decision-overdue:4:2026-11-25", 250_000, 10],
      ["decision-overdue:1:2026-11-20", 0, 15],
    ]);
  });

  it("needs the bias to last as many months as asked", async () => {
    const list = await fulcrum.monitoringExceptions.list({ biasPeriods: 4 });
    expect(list.exceptions.some((e) => e.kind === "forecast-bias")).toBe(false);
    await expect(fulcrum.monitoringExceptions.list({ months: 3, biasPeriods: 4 })).rejects.toThrow(
      "biasPeriods must be a whole number of months from 1 to 3",
    );
  });

  it("records who acknowledged an exception and what was done, and keeps it on a re-list", async () => {
    const key = "forecast-bias:S1:2026-11";
    const first = await fulcrum.monitoringExceptions.acknowledge(
      key,
      { action: "Lowered S1's consensus to 100 from January" },
      dana,
    );
    expect(first.exception).toMatchObject({
      status: "acknowledged",
      acknowledgedBy: "Dana Demand",
      acknowledgedAt: "2026-12-05T09:00:00.000Z",
      action: "Lowered S1's consensus to 100 from January",
    });
    await fulcrum.monitoringExceptions.acknowledge(
      key,
      { action: "Checked in the executive meeting", status: "resolved" },
      erin,
    );
    const relisted = (await fulcrum.monitoringExceptions.list()).exceptions.find((e) => e.key === key);
    expect(relisted).toMatchObject({ status: "resolved", acknowledgedBy: "Erin Exec" });
    const { acknowledgements } = await fulcrum.monitoringExceptions.get(key);
    expect(acknowledgements.map((a) => [a.by.username, a.status, a.cyclePeriod])).toEqual([
      ["dana", "acknowledged", "2026-12"],
      ["erin", "resolved", "2026-12"],
    ]);
    // The other exceptions are untouched.
    const others = (await fulcrum.monitoringExceptions.list()).exceptions.filter((e) => e.key !== key);
    expect(others.every((e) => e.status === "open")).toBe(true);
  });

  it("refuses an unknown key, an empty action and a role that does not own a review", async () => {
    await expect(
      fulcrum.monitoringExceptions.acknowledge("forecast-bias:S2:2026-11", { action: "x" }, dana),
    ).rejects.toMatchObject({
      code: "not_found",
      message:
        "no exception forecast-bias:S2:2026-11 in the closed months 2026-06 to 2026-11 (bias over 3 months)",
    });
    await expect(
      fulcrum.monitoringExceptions.acknowledge("decision-overdue:1:2026-11-20", { action: "  " }, dana),
    ).rejects.toThrow("action: say what was done");
    await expect(
      fulcrum.monitoringExceptions.acknowledge("decision-overdue:1:2026-11-20", { action: "Noted" }, sam),
    ).rejects.toMatchObject({ code: "forbidden" });
    const { rows } = await database.pool.query("SELECT count(*)::int AS n FROM exception_acknowledgements");
    expect(rows[0].n).toBe(2);
    await expect(database.pool.query("DELETE FROM exception_acknowledgements")).rejects.toThrow(
      /append-only/,
    );
  });
});
