import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, openDemoServer } from "../testing/demo-server";

let server: DemoServer;
beforeAll(async () => {
  server = await openDemoServer();
});
afterAll(() => server.close());

const login = (username: string) => server.login(username);

describe("segmentation API", () => {
  it("classes every finished SKU of the demo, and lets the demand planner hand targets per class to inventory planning", async () => {
    const dana = await login("dana");
    const response = await server.app.request("/api/demand/segmentation?by=margin", {
      headers: { cookie: dana },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      items: unknown[];
      matrix: { items: number }[];
      defaultTargets: Record<string, number>;
    };
    expect(body.items).toHaveLength(10);
    expect(body.matrix.reduce((s, m) => s + m.items, 0)).toBe(10);
    const request = (cookie: string) =>
      server.app.request("/api/demand/segmentation/targets", {
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
