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

describe("forecast accuracy API", () => {
  it("answers every step for the last twelve closed months at the level and lag asked", async () => {
    const cookie = await login("dana");
    const response = await app.request("/api/demand/accuracy?lag=3&level=family", { headers: { cookie } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      lag: number;
      level: string;
      months: unknown[];
      steps: { step: string }[];
    };
    expect([body.lag, body.level, body.months.length]).toEqual([3, "family", 12]);
    expect(body.steps.map((s) => s.step)).toEqual([
      "naive",
      "statistical",
      "sales",
      "marketing",
      "product",
      "consensus",
    ]);
  });

  it("refuses an unknown level with the levels there are", async () => {
    const cookie = await login("dana");
    const response = await app.request("/api/demand/accuracy?level=galaxy", { headers: { cookie } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      "brand, family",
    );
  });
});
