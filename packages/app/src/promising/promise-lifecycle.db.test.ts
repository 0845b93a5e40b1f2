// After a promise is made: cancelling it, capable-to-promise from spare hours and components (and
// many acceptances racing for the same hours), and the promises a newer committed plan no longer
// meets, with their sales user told once.

import type { Database } from "@fulcrum/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../auth/auth-service";
import { createFulcrum, type Fulcrum } from "../fulcrum";
import {
  openSmallPlannedDemo,
  SMALL_DEMO_RUN as RUN,
  SMALL_DEMO_NOW,
  type SmallPlannedDemo,
} from "../testing/small-planned-demo";

let demo: SmallPlannedDemo;
let database: Database;
let fulcrum: Fulcrum;
let users: Readonly<Record<string, User>>;
let firstPlanId: number;
let supplyVersionId: number;

const query = async (text: string, values: unknown[] = []) => (await database.pool.query(text, values)).rows;

/** The SKU-locations the committed plan brings most into, by transfers. */
const busiest = async (n: number) =>
  (await query(
    `SELECT sku, location FROM plan_cells($1) WHERE measure = 'supply.transfers'
     GROUP BY 1, 2 ORDER BY sum(value) DESC, 1, 2 LIMIT $2`,
    [supplyVersionId, n],
  )) as { sku: string; location: string }[];

const anyone = async (sku: string, location: string) =>
  (await fulcrum.promising.atp(sku, location)).available.find((a) => a.segment === "*")!.cumulative.at(-1)!;

beforeAll(async () => {
  demo = await openSmallPlannedDemo(["demand_planner", "supply_planner", "executive", "sales", "admin"]);
  ({ database, fulcrum, users } = demo);
  await fulcrum.supply.run({ ...RUN, userId: users.supply_planner!.id });
  const committed = await demo.commitBasePlan("the base plan");
  firstPlanId = committed.id;
  supplyVersionId = committed.supplyVersionId;
});
afterAll(() => demo.close());

describe("cancelling a promise", () => {
  it("records who cancelled it, when and why, and gives its units back", async () => {
    const { sku, location } = (await busiest(3))[2]!;
    const before = await anyone(sku, location);
    const period = (await fulcrum.promising.atp(sku, location)).periods.at(-1)!;
    const made = await fulcrum.promising.accept(
      { sku, location, quantity: 10, period, segment: "RETAIL" },
      users.sales!,
    );
    expect(await anyone(sku, location)).toBe(before - 10);
    // The acceptance answers with the promise as it was written.
    expect(made).toEqual((await fulcrum.promising.list({ id: made.id }))[0]);
    await expect(fulcrum.promising.cancel(made.id, "  ", users.sales!)).rejects.toThrow(/reason/);
    const cancelled = await fulcrum.promising.cancel(made.id, "customer withdrew the order", users.sales!);
    expect(cancelled).toMatchObject({
      status: "cancelled",
      cancellation: { by: "sales", at: "2026-11-22T09:00:00.000Z", reason: "customer withdrew the order" },
      lines: [{ period, quantity: 10, source: "atp" }],
    });
    expect(await anyone(sku, location)).toBe(before);
    await expect(fulcrum.promising.cancel(made.id, "again", users.admin!)).rejects.toThrow(
      /already cancelled \(by sales at 2026-11-22/,
    );
    await expect(fulcrum.promising.cancel(999_999, "no such", users.sales!)).rejects.toThrow(
      /no such promise/,
    );
  });

  it("never lets a promise change but by one cancellation, nor be deleted", async () => {
    const [{ id }] = await query("SELECT id FROM promises WHERE status = 'cancelled' LIMIT 1");
    await expect(query("UPDATE promises SET status = 'accepted' WHERE id = $1", [id])).rejects.toThrow(
      /only be cancelled, once/,
    );
    await expect(query("DELETE FROM promises WHERE id = $1", [id])).rejects.toThrow(/never deleted/);
  });
});

describe("capable-to-promise", () => {
  // SKU-0001 and SKU-0002 are both labelled on P1-LABEL-1 and packed on P1-PACK-2 at PLANT-1, and share
  // their label and film. Components in plenty at the plant leave the spare hours the binding limit.
  const skus = ["SKU-0001", "SKU-0002"];
  const location = "DC-NORTH";
  const spare = new Map<string, number[]>();

  beforeAll(async () => {
    await query(
      `INSERT INTO inventory (sku, location, snapshot_date, on_hand)
       SELECT DISTINCT component_sku, 'PLANT-1', date '2026-11-22', 10000000 FROM bom WHERE parent_sku = ANY($1)
       ON CONFLICT (sku, location, snapshot_date) DO UPDATE SET on_hand = excluded.on_hand`,
      [skus],
    );
    const [{ summary }] = await query("SELECT supply_summary AS summary FROM committed_plans WHERE id = $1", [
      firstPlanId,
    ]);
    for (const c of summary.capacity as { resource: string; regularHours: number[]; load: number[] }[])
      spare.set(
        c.resource,
        c.regularHours.map((h, t) => Math.max(0, h - c.load[t]!)),
      );
  });

  it("quotes what ATP lacks by the period asked as made from spare hours, and reserves them on acceptance", async () => {
    const atp = await fulcrum.promising.atp(skus[0]!, location);
    const period = atp.periods[0]!;
    const now = atp.available.find((a) => a.segment === "*")!.cumulative[0]!;
    // 500 more than ATP has by the first month; PACK-2's spare hours that month make far more.
    const quote = await fulcrum.promising.quote({
      sku: skus[0]!,
      location,
      quantity: now + 500,
      period,
      segment: "RETAIL",
    });
    expect(quote.kind).not.toBe("full");
    expect(quote.ctp).toMatchObject({ kind: "full", made: 500, madeBy: period, unpromised: 0 });
    const accepted = await fulcrum.promising.accept(
      { sku: skus[0]!, location, quantity: now + 500, period, segment: "RETAIL", capableToPromise: true },
      users.sales!,
    );
    expect(accepted.kind).toBe("full");
    expect(accepted).toEqual((await fulcrum.promising.list({ id: accepted.id }))[0]);
    expect(accepted.lines.find((l) => l.source === "ctp")).toEqual({ period, quantity: 500, source: "ctp" });
    const reserved = await query(
      "SELECT kind, code, period, quantity FROM promise_reservations WHERE promise_id = $1 ORDER BY kind, code",
      [accepted.id],
    );
    // 500 units × the routing's hours on each resource, and × the BOM (with scrap) of each component.
    const routing = await query(
      "SELECT resource, hours_per_unit FROM routings WHERE sku = $1 ORDER BY resource",
      [skus[0]],
    );
    expect(reserved.filter((r) => r.kind === "capacity")).toEqual(
      routing.map((r) => ({
        kind: "capacity",
        code: r.resource,
        period,
        quantity: expect.closeTo(500 * r.hours_per_unit, 9),
      })),
    );
    expect(reserved.find((r) => r.code === "RM-FILM")!.quantity).toBeCloseTo(500 * 0.7 * 1.03, 6);
    // The made units are not ATP: what anyone may still take is what was left before.
    expect(
      (await fulcrum.promising.atp(skus[0]!, location)).available.find((a) => a.segment === "*")!
        .cumulative[0],
    ).toBe(0);
    // Cancelling releases the hours.
    await fulcrum.promising.cancel(accepted.id, "test over", users.sales!);
  });

  it("never reserves the same spare hours twice when many acceptances for two SKUs race", async () => {
    const period = (await fulcrum.promising.atp(skus[0]!, location)).periods[0]!;
    // Each asks for a third of what PACK-2's first month could make of SKU-0001 on its own.
    const [{ hours }] = await query(
      "SELECT hours_per_unit AS hours FROM routings WHERE sku = $1 AND resource = 'P1-PACK-2'",
      [skus[0]],
    );
    const each = Math.floor(spare.get("P1-PACK-2")![0]! / hours / 3);
    // Two application instances, as two server processes would be: only the database's locks stand
    // between them (each instance's own queue sees half of the requests).
    const other = createFulcrum(database, { now: () => SMALL_DEMO_NOW, solver: demo.solver });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 24 }, (_, i) =>
        (i % 4 < 2 ? fulcrum : other).promising.accept(
          { sku: skus[i % 2]!, location, quantity: each, period, segment: "RETAIL", capableToPromise: true },
          users.sales!,
        ),
      ),
    );
    // Twenty-four thirds of a month are more than the horizon's spare hours: those past them are
    // refused, never given hours another took.
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThan(24);
    for (const r of refused)
      expect(String((r as PromiseRejectedResult).reason)).toMatch(/nothing of SKU-000[12] at DC-NORTH/);
    const reserved = await query(
      `SELECT r.code, r.period, sum(r.quantity)::float8 AS hours FROM promise_reservations r
       JOIN promises p ON p.id = r.promise_id
       WHERE p.status = 'accepted' AND r.kind = 'capacity' GROUP BY 1, 2`,
    );
    const periods = (await fulcrum.promising.atp(skus[0]!, location)).periods;
    expect(reserved.length).toBeGreaterThan(0);
    for (const r of reserved)
      expect(r.hours).toBeLessThanOrEqual(spare.get(r.code)![periods.indexOf(r.period)]! + 1e-6);
    // In every month one of the two shared lines is used up, to less than a unit per acceptance.
    for (const [t, p] of periods.entries()) {
      const left = ["P1-LABEL-1", "P1-PACK-2"].map(
        (code) =>
          spare.get(code)![t]! - (reserved.find((r) => r.code === code && r.period === p)?.hours ?? 0),
      );
      expect(Math.min(...left)).toBeLessThan(24 * 0.011);
    }
    // And a quote now finds none of that month's hours left.
    const quote = await fulcrum.promising.quote({
      sku: skus[1]!,
      location,
      quantity: each,
      period,
      segment: "RETAIL",
    });
    expect(quote.ctp?.madeBy).not.toBe(period);
  });
});

describe("promises at risk", () => {
  let sku: string;
  let location: string;
  const promised: number[] = [];

  it("lists nothing while the committed plan meets every promise", async () => {
    ({ sku, location } = (await busiest(1))[0]!);
    const atp = await fulcrum.promising.atp(sku, location);
    const all = atp.available.find((a) => a.segment === "*")!.cumulative.at(-1)!;
    const [{ code: customer }] = await query(
      "SELECT code FROM customers WHERE account_manager = 'sam' LIMIT 1",
    );
    // Half of all the ATP for a customer Sam manages, the rest with no customer named.
    for (const [quantity, c] of [
      [Math.floor(all / 2), customer],
      [all - Math.floor(all / 2), null],
    ] as const)
      promised.push(
        (
          await fulcrum.promising.accept(
            { sku, location, quantity, period: atp.periods.at(-1)!, segment: "RETAIL", customer: c },
            users.sales!,
          )
        ).id,
      );
    const risks = await fulcrum.promiseRisks.atRisk();
    expect(risks.committedPlanId).toBe(firstPlanId);
    expect(risks.atRisk.filter((r) => promised.includes(r.id))).toEqual([]);
  });

  it("lists the promises a newer committed plan with less supply cannot meet, and tells their sales user once", async () => {
    // The next cycle's plan loses every production hour: what reaches the DC is what the plants hold.
    await query("UPDATE company SET current_period = '2026-12'");
    await query("INSERT INTO cycles (period, stage) VALUES ('2026-12', 'data_gathering')");
    const resources = (await query("SELECT code FROM resources")).map((r) => r.code as string);
    const months = ["2026-12", "2027-01", "2027-02", "2027-03", "2027-04", "2027-05"];
    await fulcrum.supplyInputs.edit(
      {
        edits: resources.flatMap((resource) =>
          months.flatMap((period) => [
            { kind: "regular_hours" as const, resource, period, hours: 0 },
            { kind: "overtime_hours" as const, resource, period, hours: 0 },
          ]),
        ),
        reason: "plants closed",
      },
      users.supply_planner!,
    );
    await fulcrum.forecasts.run({ horizon: 6, historyMonths: 36, level: "sku", userId: null });
    await fulcrum.supply.run({ ...RUN, userId: users.supply_planner!.id });
    // Committing runs the check (the commit's own transaction is over by then).
    const second = await demo.commitBasePlan("the plants close");
    const risks = await fulcrum.promiseRisks.atRisk();
    expect(risks.committedPlanId).toBe(second.id);
    const ours = risks.atRisk.filter((r) => promised.includes(r.id));
    expect(ours.length).toBeGreaterThan(0);
    for (const r of ours) {
      expect(r.uncovered).toBeGreaterThan(0);
      expect(r.uncovered).toBeLessThanOrEqual(r.quantity);
    }
    // The promise for Sam's customer tells Sam; the one with no customer tells the sales user who made it.
    expect(ours.map((r) => r.notify)).toEqual(ours.map((r) => (r.id === promised[0] ? "sam" : "sales")));
    const sent = await query(
      "SELECT n.promise_id, u.username, n.committed_plan_id, n.message FROM notifications n JOIN users u ON u.id = n.user_id ORDER BY n.promise_id",
    );
    expect(sent.map((n) => n.promise_id)).toEqual(risks.atRisk.map((r) => r.id));
    expect(sent.every((n) => n.committed_plan_id === second.id)).toBe(true);
    expect(sent.find((n) => n.promise_id === ours[0]!.id).message).toMatch(
      new RegExp(`^Promise ${ours[0]!.id}: .* is at risk under the committed plan of 2026-12: \\d+ short; `),
    );
    // The made lines of the CTP promises held hours the new plan does not have (no hours at all from
    // 2026-12): each with a reservation from then on is at risk, the whole made line short, no date.
    const made = (
      await query(
        `SELECT DISTINCT r.promise_id AS id FROM promise_reservations r JOIN promises p ON p.id = r.promise_id
         WHERE p.status = 'accepted' AND r.kind = 'capacity' AND r.period >= '2026-12' ORDER BY 1`,
      )
    ).map((r) => r.id as number);
    expect(made.length).toBeGreaterThan(0);
    for (const id of made) {
      const risk = risks.atRisk.find((r) => r.id === id);
      expect(risk).toMatchObject({ achievablePeriod: null });
      const ctpLine = risk!.lines.find((l) => l.source === "ctp")!;
      expect(risk!.uncovered).toBeGreaterThanOrEqual(ctpLine.quantity);
    }
    // Checking again tells nobody twice.
    const again = await fulcrum.promiseRisks.check();
    expect(again.notified).toBe(0);
    expect(again.atRisk).toEqual(risks.atRisk);
    expect((await query("SELECT count(*)::int AS n FROM notifications"))[0].n).toBe(sent.length);
  });

  it("shows each notification in its user's inbox, linking to the promise, until read", async () => {
    const [sam] = await query("SELECT id, username, display_name, role FROM users WHERE username = 'sam'");
    const samUser: User = {
      id: sam.id,
      username: sam.username,
      displayName: sam.display_name,
      role: sam.role,
      supplierCode: null,
    };
    const inbox = await fulcrum.notifications.inbox(samUser);
    expect(inbox.map((n) => n.promiseId)).toContain(promised[0]);
    const mine = inbox.find((n) => n.promiseId === promised[0])!;
    expect(mine).toMatchObject({
      kind: "promise_at_risk",
      readAt: null,
      link: `/monitor/promising?promise=${promised[0]}`,
    });
    const unread = await fulcrum.notifications.unreadCount(samUser);
    await fulcrum.notifications.markRead(mine.id, samUser);
    await fulcrum.notifications.markRead(mine.id, samUser);
    expect(await fulcrum.notifications.unreadCount(samUser)).toBe(unread - 1);
    await expect(fulcrum.notifications.markRead(mine.id, users.sales!)).rejects.toThrow(/not in your inbox/);
  });

  it("drops a cancelled promise from the list", async () => {
    const before = await fulcrum.promiseRisks.atRisk();
    const id = before.atRisk[0]!.id;
    await fulcrum.promising.cancel(id, "customer told, order withdrawn", users.sales!);
    expect((await fulcrum.promiseRisks.atRisk()).atRisk.map((r) => r.id)).not.toContain(id);
  });
});
