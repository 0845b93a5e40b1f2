import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, openDemoServer } from "../testing/demo-server";

let server: DemoServer;
beforeAll(async () => {
  server = await openDemoServer();
});
afterAll(() => server.close());

const login = (username: string) => server.login(username);

describe("monitoring API", () => {
  it("answers the supply KPIs of the last twelve closed months to any signed-in role", async () => {
    const response = await server.app.request("/api/monitoring/supply", {
      headers: { cookie: await login("eve") },
    });
    expect(response.status).toBe(200);
    const kpis = (await response.json()) as { plans: unknown[] };
    expect(kpis).toMatchObject({ from: "2025-11", to: "2026-10", tolerance: 0.05 });
    expect(kpis.plans).toHaveLength(12);
    expect((await server.app.request("/api/monitoring/supply")).status).toBe(401);
  });

  it("answers the order service of the demo's last twelve months", async () => {
    const response = await server.app.request("/api/monitoring/orders", {
      headers: { cookie: await login("eve") },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { byMonth: unknown[]; total: { unitFillRate: number } };
    expect(body.byMonth).toHaveLength(12);
    expect(body.total.unitFillRate).toBeGreaterThan(0.5);
    expect(body.total.unitFillRate).toBeLessThanOrEqual(1);
  });

  it("refuses a month that is not one", async () => {
    const response = await server.app.request("/api/monitoring/supply?from=last-year", {
      headers: { cookie: await login("eve") },
    });
    expect(response.status).toBe(400);
  });
});
