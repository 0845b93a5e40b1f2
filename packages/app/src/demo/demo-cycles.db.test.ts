import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFulcrum, type Fulcrum } from "../fulcrum";

let database: Database;
let fulcrum: Fulcrum;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  await fulcrum.loadDemo({ skuCount: 12, seed: 3, asOf: "2026-11-22" });
});
afterAll(() => database.close());

describe("the demo's past cycles", () => {
  it("plays each cycle's review through the real services, so accuracy and FVA can be measured", async () => {
    const result = await fulcrum.playDemoCycles({ cycles: 3 });
    expect(result).toEqual({ cycles: ["2026-08", "2026-09", "2026-10"], snapshots: 3, committed: 3 });
    // Each cycle's consensus, and the copy of it its committed plan froze.
    const versions = (await fulcrum.plans.versions()).filter((v) => v.kind === "demand");
    expect(versions.map((v) => [v.cyclePeriod, v.status]).sort()).toEqual([
      ["2026-08", "approved"],
      ["2026-08", "committed"],
      ["2026-09", "approved"],
      ["2026-09", "committed"],
      ["2026-10", "approved"],
      ["2026-10", "committed"],
    ]);
    // Sam's optimism and Mia's promotions are audited edits by them.
    const { rows } = await database.pool.query(
      "SELECT DISTINCT u.username, e.reason FROM plan_edits e JOIN users u ON u.id = e.edited_by ORDER BY 1, 2",
    );
    expect(rows.map((r) => `${r.username}: ${r.reason}`)).toContain("sam: customer feedback");
    expect(rows.map((r) => `${r.username}: ${r.reason}`)).toContain("dana: consensus proposal");

    const accuracy = await fulcrum.accuracy.accuracy({ lag: 1 });
    // Cycles August–October plan September–November; November has not closed.
    expect(accuracy.months.filter((m) => m.snapshotId !== null).map((m) => m.period)).toEqual([
      "2026-09",
      "2026-10",
    ]);
    expect(accuracy.cells).toBeGreaterThan(0);
    const sales = accuracy.people.find((p) => p.step === "sales");
    expect(sales?.person).toBe("Sam Sales");
    // Raising a brand by 8 % moved its cells' forecasts, so their error changed.
    expect(sales!.cells).toBeGreaterThan(0);
    expect(sales!.wapeAfter).not.toBeCloseTo(sales!.wapeBefore!, 6);
  });

  it("commits each cycle's base plan, planned from that cycle's consensus, through its stages in order", async () => {
    const committed = await fulcrum.commitments.list();
    expect(committed.map((c) => c.cyclePeriod)).toEqual(["2026-10", "2026-09", "2026-08"]);
    const versions = await fulcrum.plans.versions();
    for (const plan of committed) {
      expect(plan.committedBy).toBe("Eve Executive");
      const run = (await fulcrum.supply.detail(plan.supplyRunId)).run;
      expect(run).toMatchObject({ firstPeriod: plan.cyclePeriod, strategy: "level", horizon: 4 });
      // The run planned the consensus that cycle's demand review approved, not a later one.
      expect(versions.find((v) => v.id === run.demandVersionId)).toMatchObject({
        kind: "demand",
        status: "approved",
        cyclePeriod: plan.cyclePeriod,
      });
      expect(versions.find((v) => v.id === plan.supplyVersionId)).toMatchObject({
        kind: "supply",
        status: "committed",
        cyclePeriod: plan.cyclePeriod,
      });
      expect((await fulcrum.commitments.get(plan.id)).summary.finance?.total.horizon.revenue).toBeGreaterThan(
        0,
      );
      const cycle = await fulcrum.cycle.view(plan.cyclePeriod);
      expect(cycle.stage).toBe("committed");
      expect(cycle.log.map((a) => `${a.stage}: ${a.by.username}`)).toEqual([
        "data_gathering: dana",
        "demand_review: dana",
        "supply_review: sol",
        "alignment: fin",
        "executive: eve",
      ]);
    }
    // The current cycle is untouched, and a committed plan stays as it was committed.
    expect((await fulcrum.cycle.current()).stage).toBe("data_gathering");
    await expect(
      database.pool.query("UPDATE plan_values SET value = value + 1 WHERE version_id = $1", [
        committed[0]!.supplyVersionId,
      ]),
    ).rejects.toThrow(/committed/);
  });

  it("measures the closed months against the committed plans of their cycles", async () => {
    const kpis = await fulcrum.supplyKpis.supplyKpis({ from: "2026-08" });
    const committed = await fulcrum.commitments.list();
    expect(kpis.plans).toEqual(
      ["2026-08", "2026-09", "2026-10"].map((period) => ({
        period,
        versionId: committed.find((c) => c.cyclePeriod === period)!.supplyVersionId,
        cyclePeriod: period,
      })),
    );
    expect(kpis.attainment.total.planned).toBeGreaterThan(0);
    expect(kpis.attainment.total.attainment).not.toBeNull();
    expect(kpis.attainment.byPlant.length).toBeGreaterThan(0);
    // Stock is counted at the end of every month, so each month has positions to compare.
    expect(new Set(kpis.inventory.rows.map((r) => r.period))).toEqual(
      new Set(["2026-08", "2026-09", "2026-10"]),
    );
  });

  it("leaves the supply plan waiting for this cycle's forecast, not a past cycle's plan", async () => {
    await expect(
      fulcrum.supply.run({ horizon: 6, strategy: "level", timeLimitSeconds: 10, userId: null }),
    ).rejects.toThrow("no demand plan for the 2026-11 cycle yet");
  });

  it("learns demand sensing from the played cycles and senses this cycle's first three months", async () => {
    await fulcrum.forecasts.run({ horizon: 6, historyMonths: 36, level: "sku", userId: null });
    const draft = (await fulcrum.plans.versions()).find((v) => v.kind === "demand" && v.status === "draft")!;
    const sensing = await fulcrum.sensing.sensing(draft.id);
    expect(sensing.cycle).toBe("2026-11");
    // Cycles August–October: the current month measured in all three, the next in two, the third in one.
    expect(sensing.scores.map((s) => [s.horizon, s.cycles])).toEqual([
      [1, 3],
      [2, 2],
      [3, 1],
    ]);
    for (const s of sensing.scores) expect(s.model.weight).toBeGreaterThanOrEqual(0);
    expect(sensing.months.map((m) => m.period)).toEqual(["2026-11", "2026-12", "2027-01"]);
    // What was on the books when November began: delivered lines and open orders ordered before it.
    const { rows } = await database.pool.query(`
      SELECT sum(q)::float8 AS booked FROM (
        SELECT requested_qty AS q FROM sales_history WHERE order_date < '2026-11-01' AND requested_date >= '2026-11-01' AND requested_date < '2026-12-01'
        UNION ALL
        SELECT quantity FROM open_orders WHERE order_date < '2026-11-01' AND requested_date >= '2026-11-01' AND requested_date < '2026-12-01') AS o`);
    expect(sensing.months[0]!.booked).toBeCloseTo(rows[0].booked ?? 0, 6);
    const h1 = sensing.scores[0]!.model;
    const expected =
      sensing.months[0]!.forecast * (1 - h1.weight) +
      (h1.weight * sensing.months[0]!.booked) / h1.bookedShare;
    // The demo books part of a month before it starts, so the current month is sensed.
    expect(h1.bookedShare).toBeGreaterThan(0);
    expect(sensing.months[0]!.sensed).toBeCloseTo(expected, 6);
  });
});
