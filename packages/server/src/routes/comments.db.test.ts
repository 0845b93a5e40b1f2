import { createFulcrum, type Fulcrum } from "@fulcrum/app";
import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerApp } from "../app";

let database: Database;
let fulcrum: Fulcrum;
let app: ReturnType<typeof createServerApp>;
let group: string;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  await fulcrum.loadDemo({ skuCount: 10, seed: 5, asOf: "2026-11-22" });
  app = createServerApp(fulcrum);
  group = (await database.pool.query("SELECT code FROM product_groups ORDER BY code LIMIT 1")).rows[0].code;
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

const send = (cookie: string, path: string, body?: object) =>
  app.request(path, {
    method: body ? "POST" : "GET",
    headers: { cookie, "Content-Type": "application/json" },
    body: body && JSON.stringify(body),
  });

// biome-ignore lint/suspicious/noExplicitAny: the tests read arbitrary JSON bodies
const read = async (response: Response | Promise<Response>): Promise<any> => (await response).json();

describe("comments API", () => {
  it("posts a comment on a group that mentions sales, and lists it for every role", async () => {
    const dana = await login("dana");
    const posted = await send(dana, "/api/comments", {
      nodeKind: "group",
      nodeCode: group,
      period: "2027-02",
      measure: "demand.consensus",
      body: "@sam does the February uplift hold?",
    });
    expect(posted.status).toBe(201);
    expect(await read(posted)).toMatchObject({
      nodeCode: group,
      author: { username: "dana", displayName: "Dana Demand" },
      mentions: [{ username: "sam", displayName: "Sam Sales" }],
    });
    const listed = await read(send(await login("mia"), `/api/comments?nodeKind=group&nodeCode=${group}`));
    expect(listed.comments).toHaveLength(1);
    expect(listed.comments[0]).toMatchObject({
      body: "@sam does the February uplift hold?",
      period: "2027-02",
    });
  });

  it("gives sam an inbox with one unread comment, and marks it read", async () => {
    const sam = await login("sam");
    const before = await read(send(sam, "/api/inbox"));
    expect(before.unread).toBe(1);
    expect(before.comments[0]).toMatchObject({ nodeKind: "group", nodeCode: group, readAt: null });
    const marked = await send(sam, `/api/inbox/${before.comments[0].id}/read`, {});
    expect(marked.status).toBe(204);
    const after = await read(send(sam, "/api/inbox"));
    expect(after.unread).toBe(0);
    expect(after.comments[0].readAt).toBe("2026-11-22T09:00:00.000Z");
    expect((await read(send(await login("mia"), "/api/inbox"))).unread).toBe(0);
    expect((await send(await login("mia"), `/api/inbox/${before.comments[0].id}/read`, {})).status).toBe(404);
  });

  it("refuses unknown mentions by name, unknown nodes, and supplier users", async () => {
    const dana = await login("dana");
    const unknown = await send(dana, "/api/comments", { nodeKind: "all", body: "@nobody look" });
    expect(unknown.status).toBe(400);
    expect((await read(unknown)).error.message).toMatch(/@nobody/);
    const missing = await send(dana, "/api/comments", { nodeKind: "item", nodeCode: "SKU-NOPE", body: "hi" });
    expect(missing.status).toBe(404);
    expect((await send(await login("europet"), "/api/comments")).status).toBe(403);
    expect((await send(await login("europet"), "/api/inbox")).status).toBe(403);
    expect((await app.request("/api/inbox")).status).toBe(401);
  });
});
