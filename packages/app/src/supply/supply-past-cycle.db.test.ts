import type { PeriodKey } from "@fulcrum/domain";
import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../auth/auth-service";
import { createFulcrum, type Fulcrum } from "../fulcrum";
import { SolverHandle } from "./solver-handle";
import { loadSupplyData } from "./supply-data";

let database: Database;
let fulcrum: Fulcrum;
let planner: User;
const solver = new SolverHandle();
const HORIZON = 4;
const RUN = { horizon: HORIZON, strategy: "level", timeLimitSeconds: 30 } as const;
let august: number;
let finished: string[];
/** The DC position whose stock count the test sets, before and after August began. */
let position: { sku: string; location: string };

/** An approved demand plan of `cycle` asking `units` of every finished SKU in each of four months. */
async function approvedDemand(cycle: "2026-08" | "2026-09", units: number): Promise<number> {
  const scenarioId = await fulcrum.plans.baseScenario(null);
  const version = await fulcrum.plans.createVersion({
    scenarioId,
    kind: "demand",
    label: `Demand ${cycle}`,
    cyclePeriod: cycle,
    user: null,
  });
  await database.pool.query(
    `INSERT INTO plan_values (version_id, measure, sku, location, segment, period, value)
     SELECT $1, 'demand.consensus', sku, NULL, NULL, to_char(to_date($2, 'YYYY-MM') + make_interval(months => m), 'YYYY-MM'), $3
     FROM unnest($4::text[]) AS sku, generate_series(0, 5) AS m`,
    [version.id, cycle, units, finished],
  );
  await fulcrum.plans.approve(version.id, planner);
  return version.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z"), solver });
  await fulcrum.loadDemo({ skuCount: 12, seed: 3, asOf: "2026-11-22" });
  planner = await fulcrum.auth.createUser({
    username: "planner",
    displayName: "Planner",
    role: "demand_planner",
    password: "planner-password",
  });
  finished = (
    await database.pool.query<{ sku: string }>(
      "SELECT sku FROM items WHERE item_type = 'finished' ORDER BY sku",
    )
  ).rows.map((r) => r.sku);
  august = await approvedDemand("2026-08", 100);
  // A later cycle's plan, newer and larger: a run for August must not pick it.
  await approvedDemand("2026-09", 200);
  const dc = await database.pool.query<{ location: string }>(
    "SELECT code AS location FROM locations WHERE location_type = 'dc' ORDER BY code LIMIT 1",
  );
  position = { sku: finished[0]!, location: dc.rows[0]!.location };
  // Counted at the end of July, then again mid-August (after the cycle began: not known then).
  for (const [date, onHand] of [
    ["2026-07-31", 777],
    ["2026-08-14", 5],
  ] as const)
    await database.pool.query(
      `INSERT INTO inventory (sku, location, snapshot_date, on_hand) VALUES ($1, $2, $3, $4)
       ON CONFLICT (sku, location, snapshot_date) DO UPDATE SET on_hand = excluded.on_hand`,
      [position.sku, position.location, date, onHand],
    );
  // A supplier's word for August given in July was known when the cycle began; one given in
  // November was not.
  for (const [period, at] of [
    ["2026-08", "2026-11-20T10:00:00Z"],
    ["2026-09", "2026-07-15T10:00:00Z"],
  ])
    await database.pool.query(
      `INSERT INTO supplier_responses (supplier, sku, period, requested_quantity, confirmed_capacity,
         confirmed_lead_time_days, status, responded_by, responded_at)
       SELECT supplier, sku, $1, 100, 1000, lead_time_days, 'counter', $2, $3
       FROM supplier_items ORDER BY supplier, sku LIMIT 1`,
      [period, planner.id, at],
    );
});
afterAll(async () => {
  await solver.discard();
  await database.close();
});

describe("a supply plan for a past cycle", () => {
  it("plans from the cycle's month with its own approved demand plan and the stock counted before it", async () => {
    const run = await fulcrum.supply.run({ ...RUN, cycle: "2026-08" as PeriodKey, userId: null });
    expect(run).toMatchObject({ status: "finished", firstPeriod: "2026-08", demandVersionId: august });
    const version = (await fulcrum.plans.versions()).find((v) => v.id === run.versionId);
    expect(version).toMatchObject({ kind: "supply", status: "draft", cyclePeriod: "2026-08" });
    const { summary } = await fulcrum.supply.detail(run.id);
    expect(summary!.periods).toEqual(["2026-08", "2026-09", "2026-10", "2026-11"]);
    // August's plan asks 100 of each finished SKU a month, not September's 200.
    expect(summary!.service.demand).toBeCloseTo(100 * finished.length * HORIZON, 6);
    expect(summary!.supplierResponsesUsed).toBe(1);

    // The position's stock balances from the July count (777), not the mid-August one (5):
    // closing(Aug) = 777 + production + purchases + transfers in − shipments − consumption − served.
    const { rows } = await database.pool.query<{ measure: string; value: number }>(
      `SELECT measure, sum(value)::float8 AS value FROM plan_values
       WHERE version_id = $1 AND sku = $2 AND location = $3 AND period = '2026-08' GROUP BY measure`,
      [run.versionId, position.sku, position.location],
    );
    const cell = (measure: string) => rows.find((r) => r.measure === measure)?.value ?? 0;
    const inflow =
      cell("supply.production") +
      cell("supply.purchases") +
      cell("supply.scheduled_receipts") +
      cell("supply.transfers");
    const outflow = cell("supply.shipments") + cell("supply.consumption") + cell("supply.served");
    expect(cell("inventory.projected")).toBeCloseTo(777 + inflow - outflow, 6);
  });

  it("counts what was on order when the cycle began as scheduled receipts, not what had arrived", async () => {
    const { rows: raw } = await database.pool.query<{ sku: string; location: string; supplier: string }>(
      "SELECT sku, location, supplier FROM supplier_receipts ORDER BY sku, location LIMIT 1",
    );
    const { sku, location, supplier } = raw[0]!;
    // Ordered in July: one arrived on 12 August (still on order on 31 July), one on 20 July.
    await database.pool.query(
      `INSERT INTO supplier_receipts (po_id, line, supplier, sku, location, order_date, promised_date,
         promised_qty, received_date, received_qty)
       VALUES ('PO-OPEN', 1, $1, $2, $3, '2026-07-01', '2026-08-10', 1234.5, '2026-08-12', 1200),
              ('PO-DONE', 1, $1, $2, $3, '2026-07-01', '2026-07-10', 4321.5, '2026-07-20', 4321.5),
              ('PO-LATER', 1, $1, $2, $3, '2026-08-05', '2026-08-25', 999.5, NULL, 0)`,
      [supplier, sku, location],
    );
    const data = await loadSupplyData(database, {
      scenarioId: await fulcrum.plans.baseScenario(null),
      currentPeriod: "2026-08" as PeriodKey,
      asOf: "2026-07-31",
      bucket: "month",
      horizon: HORIZON,
      pastCycle: true,
    });
    const open = data.openOrders.filter((o) => o.sku === sku && o.location === location);
    expect(open).toContainEqual({ sku, location, promisedDate: "2026-08-10", quantity: 1234.5 });
    // Received by then, or ordered after the cycle began: not on order at its start.
    expect(open.map((o) => o.quantity)).not.toContain(4321.5);
    expect(open.map((o) => o.quantity)).not.toContain(999.5);

    // The plan stores the receipts due in each month, overdue ones in August.
    const run = await fulcrum.supply.run({ ...RUN, cycle: "2026-08" as PeriodKey, userId: null });
    const { rows } = await database.pool.query<{ period: string; value: number }>(
      `SELECT period, value FROM plan_values WHERE version_id = $1 AND measure = 'supply.scheduled_receipts'
         AND sku = $2 AND location = $3 ORDER BY period`,
      [run.versionId, sku, location],
    );
    const due = (period: string) =>
      open
        .filter(
          (o) => (o.promisedDate.slice(0, 7) < "2026-08" ? "2026-08" : o.promisedDate.slice(0, 7)) === period,
        )
        .reduce((sum, o) => sum + o.quantity, 0);
    expect(rows.find((r) => r.period === "2026-08")?.value).toBeCloseTo(due("2026-08"), 6);
    for (const r of rows) expect(r.value, r.period).toBeCloseTo(due(r.period), 6);
  });

  it("keeps planning the current cycle from this cycle's demand plan, and refuses a cycle not begun", async () => {
    // Only past cycles' plans exist: the current cycle still waits for its forecast.
    await expect(fulcrum.supply.run({ ...RUN, userId: null })).rejects.toThrow(
      "no demand plan for the 2026-11 cycle yet",
    );
    await expect(fulcrum.supply.run({ ...RUN, cycle: "2026-12" as PeriodKey, userId: null })).rejects.toThrow(
      "cycle: 2026-12 has not begun",
    );
    await expect(fulcrum.supply.run({ ...RUN, cycle: "2026-07" as PeriodKey, userId: null })).rejects.toThrow(
      "no approved demand plan for the past 2026-07 cycle",
    );
  });
});
