import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFulcrum, type Fulcrum } from "../fulcrum";
import { SolverHandle } from "../supply/solver-handle";

let database: Database;
let fulcrum: Fulcrum;
const solver = new SolverHandle();

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z"), solver });
  await fulcrum.loadDemo({ skuCount: 12, seed: 3, asOf: "2026-11-22" });
});
afterAll(async () => {
  await solver.discard();
  await database.close();
});

describe("the demo's current cycle", () => {
  it("has a base supply plan and two re-planned scenarios that compare with it", async () => {
    const played = await fulcrum.playDemoCurrentCycle({ horizon: 6 });
    expect(played.scenarios.map((s) => s.name)).toEqual(["Spring promotion", "Filling line outage"]);
    const scenarios = await fulcrum.scenarios.list();
    expect(scenarios.filter((s) => !s.isBase).map((s) => s.latestRun?.status)).toEqual([
      "finished",
      "finished",
    ]);
    const comparison = await fulcrum.scenarioComparison.compare({
      plans: scenarios.map((s) => ({ scenarioId: s.id })),
      node: { kind: "all" },
    });
    const [base, promotion, outage] = comparison.columns.map((c) => c.figures);
    expect(promotion!.demandUnits).toBeGreaterThan(base!.demandUnits);
    expect(outage!.demandUnits).toBeCloseTo(base!.demandUnits, 3);
    // Losing the busiest line for two months cannot serve more than the base plan does.
    expect(outage!.fillRate!).toBeLessThanOrEqual(base!.fillRate! + 1e-9);
  });
});
