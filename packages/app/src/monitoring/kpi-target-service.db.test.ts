import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../auth/auth-service";
import { createFulcrum, type Fulcrum } from "../fulcrum";

let database: Database;
let fulcrum: Fulcrum;
let fay: User;
let sam: User;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  const user = (username: string, role: User["role"]) =>
    fulcrum.auth.createUser({ username, displayName: username, role, password: `${username}-password` });
  fay = await user("fay", "finance");
  sam = await user("sam", "sales");
  await database.pool.query("INSERT INTO segments VALUES ('KEY', 'Key accounts', 1)");
});
afterAll(() => database.close());

describe("KPI targets", () => {
  it("keeps every target set, the newest per KPI and scope in force, with who set it", async () => {
    await fulcrum.kpiTargets.set({ kpi: "otif", target: 0.9 }, fay);
    await fulcrum.kpiTargets.set({ kpi: "otif", target: 0.93, note: "after the new DC" }, fay);
    await fulcrum.kpiTargets.set({ kpi: "otif", scope: "segment:KEY", target: 0.98 }, fay);
    expect(await fulcrum.kpiTargets.targetFor("otif")).toEqual({ target: 0.93, source: "company" });
    expect(await fulcrum.kpiTargets.targetFor("otif", "segment:KEY")).toEqual({
      target: 0.98,
      source: "segment:KEY",
    });
    expect(await fulcrum.kpiTargets.targetFor("lost_sales")).toEqual({ target: 0, source: "default" });
    const history = await fulcrum.kpiTargets.history("otif", "company");
    expect(history.map((t) => [t.target, t.note, t.setBy])).toEqual([
      [0.93, "after the new DC", "fay"],
      [0.9, "", "fay"],
    ]);
    expect((await fulcrum.kpiTargets.inForce()).map((t) => [t.scope, t.target])).toEqual([
      ["company", 0.93],
      ["segment:KEY", 0.98],
    ]);
  });

  it("refuses unknown KPIs and scopes, and roles that may not set targets, writing nothing", async () => {
    await expect(fulcrum.kpiTargets.set({ kpi: "happiness", target: 1 }, fay)).rejects.toThrow(
      "kpi: happiness is not a KPI of the scorecard",
    );
    await expect(
      fulcrum.kpiTargets.set({ kpi: "otif", scope: "segment:NOPE", target: 1 }, fay),
    ).rejects.toThrow("scope: no segment NOPE");
    await expect(
      fulcrum.kpiTargets.set({ kpi: "otif", scope: "planet:MARS", target: 1 }, fay),
    ).rejects.toThrow(/scope: planet:MARS is not/);
    await expect(fulcrum.kpiTargets.set({ kpi: "otif", target: 1 }, sam)).rejects.toThrow(
      /only the planners/,
    );
    expect(await fulcrum.kpiTargets.history("happiness")).toEqual([]);
    expect(await fulcrum.kpiTargets.history("otif")).toHaveLength(3);
  });

  it("cannot rewrite a target once set", async () => {
    await expect(database.pool.query("UPDATE kpi_targets SET target = 0")).rejects.toThrow();
  });
});
