import type { Database } from "@fulcrum/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTwoSkuFamily, type TwoSkuFamily } from "../testing/two-sku-family";

// Given S1 and S2 in one family, a December forecast of 310 and 100, and a promotion on S1 for
// all of December: +20 %, 10 % off, half of the uplift taken from S2.
let database: Database;
let app: TwoSkuFamily["app"];
let versionId: number;
let login: TwoSkuFamily["login"];

beforeAll(async () => {
  ({ database, app, versionId, login } = await openTwoSkuFamily(
    [310, 100],
    `
    INSERT INTO prices VALUES ('S1', NULL, '2026-01-01', NULL, 200), ('S2', NULL, '2026-01-01', NULL, 300);
    INSERT INTO promotions (code, name, sku, start_date, end_date, uplift_pct, discount_pct, cannibalisation_pct)
      VALUES ('XMAS', 'Christmas', 'S1', '2026-12-01', '2026-12-31', 20, 10, 50);`,
  ));
});
afterAll(() => database.close());

// biome-ignore lint/suspicious/noExplicitAny: the tests read arbitrary JSON bodies
const json = async (response: Response): Promise<any> => response.json();

describe("promotions API", () => {
  it("lists the calendar with each promotion's units and revenue at the discounted price", async () => {
    const cookie = await login("dana");
    const response = await app.request(`/api/plans/versions/${versionId}/promotions`, {
      headers: { cookie },
    });
    const body = await json(response);
    expect(response.status).toBe(200);
    expect(body.periods).toEqual(["2026-12"]);
    expect(body.promotions).toHaveLength(1);
    // 20 % of 310 = 62 extra; 31 taken from S2; (310 + 62) · 2.00 · 0.9 = 669.60.
    expect(body.promotions[0]).toMatchObject({
      code: "XMAS",
      months: [{ period: "2026-12", share: 1 }],
      effect: { baseline: 310, uplift: 62, cannibalised: 31, dip: 0, revenue: 66_960 },
    });
    // Incremental: 66,960 − 310 · 200 − 31 · 300 = −4,340: the discount and S2's loss cost more.
    expect(body.promotions[0].effect.incrementalRevenue).toBe(-4_340);
    const missing = await app.request("/api/plans/versions/9999/promotions", { headers: { cookie } });
    expect(missing.status).toBe(404);
  });

  it("applies the promotions as audited edits for the demand planner, not for sales", async () => {
    const sam = await login("sam");
    const refused = await app.request(`/api/plans/versions/${versionId}/promotions/apply`, {
      method: "POST",
      headers: { cookie: sam },
    });
    expect(refused.status).toBe(403);
    const dana = await login("dana");
    const response = await app.request(`/api/plans/versions/${versionId}/promotions/apply`, {
      method: "POST",
      headers: { cookie: dana },
    });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(
      body.edits.map((e: { measure: string; reason: string }) => `${e.measure} ${e.reason}`).sort(),
    ).toEqual(["demand.marketing promotion", "demand.product promotion"]);
    const { rows } = await database.pool.query(
      "SELECT measure, sku, value FROM plan_values WHERE version_id = $1 AND measure <> 'demand.statistical' ORDER BY measure",
      [versionId],
    );
    expect(rows).toEqual([
      { measure: "demand.marketing", sku: "S1", value: 62 },
      { measure: "demand.product", sku: "S2", value: 69 },
    ]);
  });
});
