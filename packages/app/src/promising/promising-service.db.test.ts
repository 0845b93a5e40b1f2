import type { Database } from "@fulcrum/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../auth/auth-service";
import { createFulcrum, type Fulcrum } from "../fulcrum";
import {
  openSmallPlannedDemo,
  SMALL_DEMO_RUN as RUN,
  SMALL_DEMO_NOW,
  type SmallPlannedDemo,
} from "../testing/small-planned-demo";

let demo: SmallPlannedDemo;
let database: Database;
let fulcrum: Fulcrum;
let users: Readonly<Record<string, User>>;
let sku: string;
let location: string;
let lastPeriod: string;

beforeAll(async () => {
  demo = await openSmallPlannedDemo(["demand_planner", "supply_planner", "executive", "sales"]);
  ({ database, fulcrum, users } = demo);
  await fulcrum.supply.run({ ...RUN, userId: users.supply_planner!.id });
});
afterAll(() => demo.close());

const promisedUnits = async () =>
  Number(
    (
      await database.pool.query(
        "SELECT coalesce(sum(l.quantity), 0) AS n FROM promises p JOIN promise_lines l ON l.promise_id = p.id WHERE p.sku = $1 AND p.location = $2",
        [sku, location],
      )
    ).rows[0].n,
  );

describe("order promising", () => {
  it("is refused before a plan is committed", async () => {
    const { rows } = await database.pool.query("SELECT sku, location FROM inventory LIMIT 1");
    await expect(fulcrum.promising.atp(rows[0].sku, rows[0].location)).rejects.toThrow(/no committed plan/);
  });

  it("shows ATP from the committed plan's receipts, the stock it started from and the open orders", async () => {
    const committed = await demo.commitBasePlan("the base plan");
    // The SKU-location with the most to promise: a finished good at a DC the plan ships to.
    const { rows } = await database.pool.query(
      `SELECT sku, location FROM plan_cells($1) WHERE measure = 'supply.transfers'
       GROUP BY 1, 2 ORDER BY sum(value) DESC LIMIT 1`,
      [committed.supplyVersionId],
    );
    sku = rows[0].sku;
    location = rows[0].location;
    const atp = await fulcrum.promising.atp(sku, location);
    lastPeriod = atp.periods.at(-1)!;
    const cells = await database.pool.query(
      `SELECT coalesce(sum(value), 0)::float8 AS v FROM plan_cells($1)
       WHERE sku = $2 AND location = $3 AND measure IN ('supply.production', 'supply.purchases', 'supply.transfers')`,
      [committed.supplyVersionId, sku, location],
    );
    const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(atp.receipts)).toBeCloseTo(cells.rows[0].v, 6);
    expect(atp.committedPlanId).toBe(committed.id);
    // Netting keeps the total, and rounding down each period loses less than a unit per period.
    const net = atp.onHand + sum(atp.receipts) - sum(atp.committed) + atp.uncovered;
    expect(sum(atp.discrete)).toBeLessThanOrEqual(net + 1e-6);
    expect(sum(atp.discrete)).toBeGreaterThan(net - atp.periods.length);
    expect(atp.cumulative.at(-1)).toBe(sum(atp.discrete));
    expect(atp.cumulative.at(-1)).toBeGreaterThan(50);
    expect(atp.available.find((a) => a.segment === "*")!.cumulative).toEqual(atp.cumulative);
  });

  it("quotes without writing and refuses bad requests by field", async () => {
    const quote = await fulcrum.promising.quote({
      sku,
      location,
      quantity: 1,
      period: lastPeriod,
      segment: "RETAIL",
    });
    expect(quote).toMatchObject({ kind: "full", lines: [{ period: lastPeriod, quantity: 1 }] });
    expect(await promisedUnits()).toBe(0);
    const base = { sku, location, quantity: 1, period: lastPeriod, segment: "RETAIL" };
    await expect(fulcrum.promising.quote({ ...base, quantity: 0.5 })).rejects.toThrow(/quantity/);
    await expect(fulcrum.promising.quote({ ...base, period: "2026-13" })).rejects.toThrow(/period/);
    await expect(fulcrum.promising.quote({ ...base, sku: "NOPE" })).rejects.toThrow(/no item NOPE/);
    await expect(fulcrum.promising.quote({ ...base, segment: "NOPE" })).rejects.toThrow(/no segment NOPE/);
  });

  it("never promises more than is available when many accept at once, and all of it when asked for more", async () => {
    const available = (await fulcrum.promising.atp(sku, location)).cumulative.at(-1)!;
    // 50 requests of 1/25 of the ATP each ask for twice what there is.
    const each = Math.ceil(available / 25);
    // Half through a second application instance, as a second server process would: each instance
    // queues its own acceptances, and only the database's lock stands between the two.
    const other = createFulcrum(database, { now: () => SMALL_DEMO_NOW, solver: demo.solver });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 === 0 ? fulcrum : other).promising.accept(
          { sku, location, quantity: each, period: lastPeriod, segment: "RETAIL" },
          users.sales!,
        ),
      ),
    );
    const accepted = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(await promisedUnits()).toBe(available);
    expect(accepted.length).toBe(Math.ceil(available / each));
    for (const r of refused) expect(String((r as PromiseRejectedResult).reason)).toMatch(/nothing of/);
    const after = await fulcrum.promising.atp(sku, location);
    expect(after.available.find((a) => a.segment === "*")!.cumulative.at(-1)).toBe(0);
    expect(after.atRisk).toEqual([]);
    const list = await fulcrum.promising.list({ sku, location });
    expect(list).toHaveLength(accepted.length);
    expect(list[0]).toMatchObject({ createdBy: "sales", status: "accepted", segment: "RETAIL" });
  });

  it("keeps a segment's allocation from other segments, and records who set it", async () => {
    // All of the ATP is promised; a new allocation cannot make more, so check it on a fresh SKU-location.
    const { rows } = await database.pool.query(
      `SELECT sku, location FROM plan_cells((SELECT supply_version_id FROM committed_plans))
       WHERE measure = 'supply.transfers' AND (sku, location) <> ($1, $2)
       GROUP BY 1, 2 ORDER BY sum(value) DESC LIMIT 1`,
      [sku, location],
    );
    const [otherSku, otherLocation] = [rows[0].sku, rows[0].location];
    await expect(
      fulcrum.promising.setAllocation({ segment: "NOPE", share: 0.5, cutoffPeriods: 1 }, users.sales!),
    ).rejects.toThrow(/no segment NOPE/);
    const segments = (await database.pool.query("SELECT code FROM segments ORDER BY code")).rows.map(
      (r) => r.code,
    );
    await fulcrum.promising.setAllocation(
      { segment: segments[0], share: 0.6, cutoffPeriods: 1 },
      users.sales!,
    );
    await expect(
      fulcrum.promising.setAllocation({ segment: segments[1], share: 0.5, cutoffPeriods: 1 }, users.sales!),
    ).rejects.toThrow(/sum to 1.1000/);
    expect(await fulcrum.promising.allocations()).toMatchObject([
      { segment: segments[0], share: 0.6, cutoffPeriods: 1, setBy: "sales" },
    ]);
    const atp = await fulcrum.promising.atp(otherSku, otherLocation);
    const last = atp.periods.length - 1;
    const own = atp.available.find((a) => a.segment === segments[0])!.cumulative[last]!;
    const anyone = atp.available.find((a) => a.segment === "*")!.cumulative[last]!;
    // Periods more than one ahead keep 60 % for the first segment; others see only the rest.
    expect(own).toBe(atp.cumulative[last]);
    expect(anyone).toBeLessThan(own);
    const quote = await fulcrum.promising.quote({
      sku: otherSku,
      location: otherLocation,
      quantity: own,
      period: atp.periods[last]!,
      segment: segments[1],
    });
    expect(quote.promised).toBe(anyone);
    await fulcrum.promising.setAllocation({ segment: segments[0], share: 0, cutoffPeriods: 0 }, users.sales!);
    expect(await fulcrum.promising.allocations()).toEqual([]);
    expect(Number((await database.pool.query("SELECT count(*) AS n FROM atp_allocations")).rows[0].n)).toBe(
      2,
    );
  });

  it("keeps the promise lines append-only", async () => {
    await expect(database.pool.query("UPDATE promise_lines SET quantity = quantity + 1")).rejects.toThrow(
      /append-only/,
    );
  });
});
