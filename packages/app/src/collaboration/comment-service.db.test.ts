import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../auth/auth-service";
import { createFulcrum, type Fulcrum } from "../fulcrum";

// Given the demo company (10 SKUs, seed 5) with its users, and one demand version to comment on.
let database: Database;
let fulcrum: Fulcrum;
let dana: User;
let sam: User;
let mia: User;
let versionId: number;
let sku: string;

async function demoUser(username: string): Promise<User> {
  const { user } = await fulcrum.auth.login(username, `${username}-demo`);
  return user;
}

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  await fulcrum.loadDemo({ skuCount: 10, seed: 5, asOf: "2026-11-22" });
  [dana, sam, mia] = (await Promise.all(["dana", "sam", "mia"].map(demoUser))) as [User, User, User];
  const scenarioId = await fulcrum.plans.baseScenario(dana);
  ({ id: versionId } = await fulcrum.plans.createVersion({ scenarioId, kind: "demand", user: dana }));
  sku = (await database.pool.query<{ sku: string }>("SELECT sku FROM items ORDER BY sku LIMIT 1")).rows[0]!
    .sku;
}, 120_000);
afterAll(() => database.close());

const count = async (table: string) =>
  Number((await database.pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

describe("comments", () => {
  it("puts a mention in the mentioned user's inbox and no one else's", async () => {
    const posted = await fulcrum.comments.add(
      {
        versionId,
        nodeKind: "item",
        nodeCode: sku,
        period: "2027-01",
        measure: "demand.sales",
        body: "@sam is the January order from the tender real?",
      },
      dana,
    );
    expect(posted).toMatchObject({
      nodeKind: "item",
      nodeCode: sku,
      period: "2027-01",
      measure: "demand.sales",
      author: { username: "dana", displayName: "Dana Demand" },
      mentions: [{ username: "sam", displayName: "Sam Sales" }],
      parentId: null,
    });
    const inbox = await fulcrum.comments.inbox(sam);
    expect(inbox.map((c) => c.id)).toEqual([posted.id]);
    expect(inbox[0]).toMatchObject({ readAt: null, nodeCode: sku, period: "2027-01" });
    expect(await fulcrum.comments.unreadCount(sam)).toBe(1);
    expect(await fulcrum.comments.inbox(mia)).toEqual([]);
    expect(await fulcrum.comments.unreadCount(dana)).toBe(0);
  });

  it("lists a node's comments newest first, replies sitting where their parent sits", async () => {
    const [first] = await fulcrum.comments.list({ nodeKind: "item", nodeCode: sku, versionId });
    const reply = await fulcrum.comments.add(
      { nodeKind: "all", parentId: first!.id, body: "Yes, signed last week — @dana" },
      sam,
    );
    expect(reply).toMatchObject({ nodeKind: "item", nodeCode: sku, versionId, parentId: first!.id });
    const listed = await fulcrum.comments.list({ nodeKind: "item", nodeCode: sku, versionId });
    expect(listed.map((c) => c.id)).toEqual([reply.id, first!.id]);
    expect(await fulcrum.comments.list({ nodeKind: "item", nodeCode: sku, period: "2027-02" })).toEqual([]);
    expect(await fulcrum.comments.list({ nodeKind: "all" })).toEqual([]);
  });

  it("refuses unknown mentions by name and writes nothing", async () => {
    const before = [await count("comments"), await count("comment_mentions")];
    await expect(
      fulcrum.comments.add({ nodeKind: "all", body: "@sam and @nobody and @ghost, please look" }, dana),
    ).rejects.toMatchObject({ code: "bad_request", message: expect.stringMatching(/@nobody, @ghost/) });
    await expect(
      fulcrum.comments.add({ nodeKind: "all", body: "@europet can you ship more?" }, dana),
    ).rejects.toMatchObject({ code: "bad_request" });
    expect([await count("comments"), await count("comment_mentions")]).toEqual(before);
  });

  it("validates the body and the place", async () => {
    const refuse = (input: Parameters<Fulcrum["comments"]["add"]>[0], code: string) =>
      expect(fulcrum.comments.add(input, dana)).rejects.toMatchObject({ code });
    await refuse({ nodeKind: "all", body: "   " }, "bad_request");
    await refuse({ nodeKind: "all", body: "x".repeat(4001) }, "bad_request");
    await refuse({ nodeKind: "all", body: "hi", period: "2027-13" }, "bad_request");
    await refuse({ nodeKind: "all", body: "hi", measure: "demand.wishful" }, "bad_request");
    await refuse({ nodeKind: "item", nodeCode: "SKU-NOPE", body: "hi" }, "not_found");
    await refuse({ nodeKind: "all", versionId: 999_999, body: "hi" }, "not_found");
    await refuse({ nodeKind: "all", parentId: 999_999, body: "hi" }, "not_found");
  });

  it("marks a comment read once, and only in the reader's own inbox", async () => {
    const [entry] = await fulcrum.comments.inbox(sam);
    await expect(fulcrum.comments.markRead(entry!.id, mia)).rejects.toMatchObject({ code: "not_found" });
    await fulcrum.comments.markRead(entry!.id, sam);
    await fulcrum.comments.markRead(entry!.id, sam);
    expect(await fulcrum.comments.unreadCount(sam)).toBe(0);
    const [read] = await fulcrum.comments.inbox(sam);
    expect(read).toMatchObject({ id: entry!.id, readAt: "2026-11-22T09:00:00.000Z" });
  });

  it("puts unread comments ahead of read ones in the inbox", async () => {
    const newer = await fulcrum.comments.add({ nodeKind: "all", body: "@sam the total looks high" }, mia);
    const inbox = await fulcrum.comments.inbox(sam);
    expect(inbox[0]).toMatchObject({ id: newer.id, readAt: null, nodeName: "All products" });
    expect(inbox[1]?.readAt).not.toBeNull();
  });

  it("keeps comments append-only and lets a mention change only by being marked read", async () => {
    await expect(database.pool.query("UPDATE comments SET body = 'edited'")).rejects.toThrow(/append-only/);
    await expect(database.pool.query("DELETE FROM comments")).rejects.toThrow(/append-only/);
    await expect(database.pool.query("DELETE FROM comment_mentions")).rejects.toThrow(/mark them read/);
    await expect(database.pool.query("UPDATE comment_mentions SET read_at = NULL")).rejects.toThrow(
      /only be marked read/,
    );
    await expect(
      database.pool.query("UPDATE comment_mentions SET user_id = $1 WHERE read_at IS NULL", [dana.id]),
    ).rejects.toThrow(/only be marked read/);
  });
});
