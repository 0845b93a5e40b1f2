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

describe("segmentation API", () => {
  it("classes every finished SKU of the demo, and lets the demand planner hand targets per class to inventory planning", async () => {
    const dana = await login("dana");
    const response = await app.request("/api/demand/segmentation?by=margin", { headers: { cookie: dana } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      items: unknown[];
      matrix: { items: number }[];
      defaultTargets: Record<string, number>;
    };
    expect(body.items).toHaveLength(10);
    expect(body.matrix.reduce((s, m) => s + m.items, 0)).toBe(10);
    const request = (cookie: string) =>
      app.request("/api/demand/segmentation/targets", {
        method: "POST",
        headers: { cookie, "Content-Type": "application/json" },
        body: JSON.stringify({ by: "margin", targets: body.defaultTargets }),
      });
    expect((await request(await login("sam"))).status).toBe(403);
    const applied = await request(dana);
    expect(applied.status).toBe(200);
    expect(((await applied.json()) as { rows: number }).rows).toBe(10);
  });
});
