// In-process API tests on the smallest company a demand edit can be checked on by hand: family FAM
// (Juices) of S1 (Orange) and S2 (Apple), a draft demand version with their statistical figures
// for December 2026, and two users, dana (demand planner) and sam (sales), password `<name>-password`.

import { createFulcrum, type Fulcrum } from "@fulcrum/app";
import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { createServerApp } from "../app";

export interface TwoSkuFamily {
  readonly database: Database;
  readonly fulcrum: Fulcrum;
  readonly app: ReturnType<typeof createServerApp>;
  readonly versionId: number;
  /** Signs a user in; resolves with the session cookie to send. */
  readonly login: (username: string) => Promise<string>;
}

/** `statistical` is S1's and S2's December figure; `moreSql` adds rows (prices, promotions) first. */
export async function openTwoSkuFamily(
  statistical: readonly [number, number],
  moreSql = "",
): Promise<TwoSkuFamily> {
  const database = await createTestDatabase();
  const fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  const app = createServerApp(fulcrum);
  await database.pool.query(`
    INSERT INTO units_of_measure VALUES ('EA', 'Each');
    INSERT INTO product_groups VALUES ('FAM', 'Juices', 'family', NULL);
    INSERT INTO items VALUES ('S1', 'Orange', 'finished', 'FAM', 'EA', 'active', NULL), ('S2', 'Apple', 'finished', 'FAM', 'EA', 'active', NULL);
    ${moreSql}`);
  for (const [username, role] of [
    ["dana", "demand_planner"],
    ["sam", "sales"],
  ] as const)
    await fulcrum.auth.createUser({
      username,
      displayName: username,
      role,
      password: `${username}-password`,
    });
  const scenarioId = await fulcrum.plans.baseScenario(null);
  const versionId = (await fulcrum.plans.createVersion({ scenarioId, kind: "demand", user: null })).id;
  await database.pool.query(
    `INSERT INTO plan_values (version_id, measure, sku, period, value) VALUES
       ($1, 'demand.statistical', 'S1', '2026-12', $2), ($1, 'demand.statistical', 'S2', '2026-12', $3)`,
    [versionId, statistical[0], statistical[1]],
  );
  const login = async (username: string) => {
    const response = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username, password: `${username}-password` }),
    });
    return (response.headers.get("set-cookie") ?? "").split(";")[0]!;
  };
  return { database, fulcrum, app, versionId, login };
}
