import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../auth/auth-service";
import { createFulcrum, type Fulcrum } from "../fulcrum";
import type { PlanChange } from "./plan-service";

let database: Database;
let fulcrum: Fulcrum;
let dana: User;
let sam: User;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  await database.pool.query(`
    INSERT INTO units_of_measure VALUES ('EA', 'Each');
    INSERT INTO product_groups VALUES ('G', 'Group', 'family', NULL);
    INSERT INTO items VALUES ('S1', 'One', 'finished', 'G', 'EA', 'active', NULL), ('S2', 'Two', 'finished', 'G', 'EA', 'active', NULL);
    INSERT INTO segments VALUES ('RETAIL', 'Retail', 1);`);
  dana = await fulcrum.auth.createUser({
    username: "dana",
    displayName: "Dana",
    role: "demand_planner",
    password: "password-1",
  });
  sam = await fulcrum.auth.createUser({
    username: "sam",
    displayName: "Sam",
    role: "sales",
    password: "password-2",
  });
});
afterAll(() => database.close());

const cell = (sku: string, period: string, value: number | null): PlanChange => ({
  measure: "demand.sales",
  sku,
  location: null,
  segment: "RETAIL",
  period,
  value,
});

describe("plan versions and their audit trail", () => {
  it("records who changed what, when, old → new and why, and reverts a change as a new change", async () => {
    const scenario = await fulcrum.plans.baseScenario(dana);
    const version = await fulcrum.plans.createVersion({
      scenarioId: scenario,
      kind: "demand",
      user: dana,
      cyclePeriod: "2026-11",
    });
    expect(version).toMatchObject({ number: 1, status: "draft" });

    expect(
      await fulcrum.plans.change(
        version.id,
        [cell("S1", "2026-12", 100), cell("S2", "2026-12", 40)],
        dana,
        "initial",
      ),
    ).toBe(2);
    expect(
      await fulcrum.plans.change(
        version.id,
        [cell("S1", "2026-12", 120), cell("S2", "2026-12", 40)],
        sam,
        "key account win",
        "FreshMart listing",
      ),
    ).toBe(1);

    const trail = await fulcrum.plans.history(version.id);
    expect(trail.map((c) => [c.username, c.sku, c.old_value, c.new_value, c.reason])).toEqual([
      ["dana", "S1", null, 100, "initial"],
      ["dana", "S2", null, 40, "initial"],
      ["sam", "S1", 100, 120, "key account win"],
    ]);

    await fulcrum.plans.revert(Number(trail[2]!.id), dana);
    const grid = await fulcrum.plans.grid({
      versionId: version.id,
      measure: "demand.sales",
      from: "2026-12",
      to: "2027-01",
      offset: 0,
      limit: 10,
    });
    expect(grid.rows).toEqual([
      { sku: "S1", location: null, segment: "RETAIL", values: [100, null] },
      { sku: "S2", location: null, segment: "RETAIL", values: [40, null] },
    ]);
    const last = (await fulcrum.plans.history(version.id)).at(-1)!;
    expect([last.username, last.old_value, last.new_value, last.reason]).toEqual([
      "dana",
      120,
      100,
      "revert",
    ]);
  });

  it("copies a version into a new draft and freezes the approved one", async () => {
    const scenario = await fulcrum.plans.baseScenario(dana);
    const [first] = (await fulcrum.plans.versions()).filter((v) => v.kind === "demand");
    const next = await fulcrum.plans.createVersion({
      scenarioId: scenario,
      kind: "demand",
      basedOn: first!.id,
      user: dana,
    });
    expect(next.number).toBe(2);
    await fulcrum.plans.approve(first!.id, dana);
    await expect(
      fulcrum.plans.change(first!.id, [cell("S1", "2026-12", 1)], dana, "late edit"),
    ).rejects.toThrow(/approved and cannot change/);
    const copy = await fulcrum.plans.grid({
      versionId: next.id,
      measure: "demand.sales",
      from: "2026-12",
      to: "2026-12",
      offset: 0,
      limit: 10,
    });
    expect(copy.rows.map((r) => r.values[0])).toEqual([100, 40]);
  });

  it("pages grid rows by SKU × location × segment, showing rows with no value in the window as empty", async () => {
    const [version] = (await fulcrum.plans.versions()).filter((v) => v.kind === "demand").slice(-1);
    const later = await fulcrum.plans.grid({
      versionId: version!.id,
      measure: "demand.sales",
      from: "2027-01",
      to: "2027-02",
      offset: 1,
      limit: 5,
    });
    expect(later).toMatchObject({ total: 2, periods: ["2027-01", "2027-02"] });
    expect(later.rows).toEqual([{ sku: "S2", location: null, segment: "RETAIL", values: [null, null] }]);
  });

  it("refuses a change without a reason or with a negative quantity", async () => {
    const scenario = await fulcrum.plans.baseScenario(dana);
    const version = await fulcrum.plans.createVersion({ scenarioId: scenario, kind: "demand", user: dana });
    await expect(fulcrum.plans.change(version.id, [cell("S1", "2026-12", 1)], dana, " ")).rejects.toThrow(
      /needs a reason/,
    );
    await expect(fulcrum.plans.change(version.id, [cell("S1", "2026-12", -5)], dana, "typo")).rejects.toThrow(
      /not a valid plan quantity/,
    );
    await expect(fulcrum.plans.change(version.id, [cell("S1", "Dec", 5)], dana, "typo")).rejects.toThrow(
      /not a period/,
    );
  });
});
