import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, openDemoServer } from "../testing/demo-server";

let server: DemoServer;
beforeAll(async () => {
  server = await openDemoServer();
});
afterAll(() => server.close());

const login = (username: string) => server.login(username);

describe("forecast accuracy API", () => {
  it("answers every step for the last twelve closed months at the level and lag asked", async () => {
    const cookie = await login("dana");
    const response = await server.app.request("/api/demand/accuracy?lag=3&level=family", {
      headers: { cookie },
    });
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
    const response = await server.app.request("/api/demand/accuracy?level=galaxy", { headers: { cookie } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      "brand, family",
    );
  });
});
