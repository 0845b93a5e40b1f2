import { createFulcrum, type Fulcrum } from "@fulcrum/app";
import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerApp } from "../app";

let database: Database;
let fulcrum: Fulcrum;
let app: ReturnType<typeof createServerApp>;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  await fulcrum.loadDemo({ skuCount: 10, seed: 5, asOf: "2026-11-22" });
  app = createServerApp(fulcrum);
});
afterAll(() => database.close());

async function login(username: string): Promise<string> {
  const response = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password: `${username}-demo` }),
  });
  return (response.headers.get("set-cookie") ?? "").split(";")[0]!;
}

describe("monitoring API", () => {
  it("answers the supply KPIs of the last twelve closed months to any signed-in role", async () => {
    const response = await app.request("/api/monitoring/supply", { headers: { cookie: await login("eve") } });
    expect(response.status).toBe(200);
    const kpis = (await response.json()) as { plans: unknown[] };
    expect(kpis).toMatchObject({ from: "2025-11", to: "2026-10", tolerance: 0.05 });
    expect(kpis.plans).toHaveLength(12);
    expect((await app.request("/api/monitoring/supply")).status).toBe(401);
  });

  it("answers the order service of the demo's last twelve months", async () => {
    const response = await app.request("/api/monitoring/orders", { headers: { cookie: await login("eve") } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { byMonth: unknown[]; total: { unitFillRate: number } };
    expect(body.byMonth).toHaveLength(12);
    expect(body.total.unitFillRate).toBeGreaterThan(0.5);
    expect(body.total.unitFillRate).toBeLessThanOrEqual(1);
  });

  it("refuses a month that is not one", async () => {
    const response = await app.request("/api/monitoring/supply?from=last-year", {
      headers: { cookie: await login("eve") },
    });
    expect(response.status).toBe(400);
  });
});
