import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, openDemoServer } from "../testing/demo-server";

let server: DemoServer;
beforeAll(async () => {
  server = await openDemoServer();
});
afterAll(() => server.close());

describe("demand analysis API", () => {
  it("answers any role with the node's profile, trend, mix and drivers, and names a bad segment", async () => {
    const sam = await server.login("sam");
    const response = await server.app.request("/api/demand/analysis?by=customer", {
      headers: { cookie: sam },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      node: { name: string };
      profile: { indices: number[] };
      mix: { channel: { basisPoints: number }[] };
      drivers: { change: number; drivers: { change: number }[] };
    };
    expect(body.node.name).toBe("All products");
    expect(body.profile.indices).toHaveLength(12);
    expect(body.mix.channel.reduce((s, m) => s + m.basisPoints, 0)).toBe(10_000);
    expect(body.drivers.drivers.reduce((s, d) => s + d.change, 0)).toBe(body.drivers.change);
    const bad = await server.app.request("/api/demand/analysis?segment=NOPE", { headers: { cookie: sam } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe(
      "no customer segment NOPE",
    );
  });
});
