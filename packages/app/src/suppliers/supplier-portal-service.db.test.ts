import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../auth/auth-service";
import { AppError } from "../errors";
import { createFulcrum, type Fulcrum } from "../fulcrum";
import { SolverHandle } from "../supply/solver-handle";
import type { SupplyRunSummary } from "../supply/supply-output";

let database: Database;
let fulcrum: Fulcrum;
let europet: User;
let sol: User;
const solver = new SolverHandle();
const HORIZON = 4;
const run = () =>
  fulcrum.supply.run({ horizon: HORIZON, strategy: "optimal", timeLimitSeconds: 60, userId: null });

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z"), solver });
  await fulcrum.loadDemo({ skuCount: 12, seed: 3, asOf: "2026-11-22" });
  await fulcrum.forecasts.run({ horizon: HORIZON, historyMonths: 36, level: "sku", userId: null });
  europet = (await fulcrum.auth.login("europet", "europet-demo")).user;
  sol = (await fulcrum.auth.login("sol", "sol-demo")).user;
});
afterAll(async () => {
  await solver.discard();
  await database.close();
});

/** Units the run plans to receive from a supplier for a SKU in a period, over all plants. */
async function received(runId: number, supplier: string, sku: string, period: string): Promise<number> {
  const { rows } = await database.pool.query(
    `SELECT coalesce(sum(quantity), 0)::float8 AS q FROM supply_requirements
     WHERE run_id = $1 AND supplier = $2 AND sku = $3 AND period = $4`,
    [runId, supplier, sku, period],
  );
  return rows[0].q;
}

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error instanceof AppError ? `${error.code}: ${error.message}` : String(error);
  }
  return null;
};

describe("supplier collaboration", () => {
  it("gives the demo supplier user its supplier, and a supplier role only with a supplier", async () => {
    expect(europet).toMatchObject({ role: "supplier", supplierCode: "SUP-03" });
    expect(sol.supplierCode).toBeNull();
    const base = { username: "nosup", displayName: "No supplier", password: "long enough" };
    expect(await refusal(fulcrum.auth.createUser({ ...base, role: "supplier" }))).toBe(
      "bad_request: a supplier user names the supplier it speaks for",
    );
    expect(await refusal(fulcrum.auth.createUser({ ...base, role: "sales", supplierCode: "SUP-03" }))).toBe(
      "bad_request: only a supplier user names a supplier",
    );
  });

  it("a counter-proposal lowers one period's capacity and the next run buys no more than that there", async () => {
    const first = await run();
    const view = await fulcrum.suppliers.requirements(europet);
    expect(view.supplier.code).toBe("SUP-03");
    expect(view.run?.id).toBe(first.id);
    expect(view.periods).toHaveLength(HORIZON);
    // Only SUP-03's own parts, every one of them.
    const own = await database.pool.query(
      "SELECT sku FROM supplier_items WHERE supplier = 'SUP-03' ORDER BY sku",
    );
    expect(view.parts.map((p) => p.sku)).toEqual(own.rows.map((r) => r.sku));

    // The largest single requirement of the plan from SUP-03.
    const asked = view.parts
      .flatMap((p) => p.periods.map((c) => ({ part: p, cell: c })))
      .sort((a, b) => b.cell.requested - a.cell.requested)[0]!;
    const { part, cell } = asked;
    expect(cell.requested).toBeGreaterThan(0);
    expect(cell.requested).toBeCloseTo(await received(first.id, "SUP-03", part.sku, cell.period), 6);
    expect(cell).toMatchObject({ source: "imported", capacity: part.importedCapacity });

    const lower = Math.floor(cell.requested / 2);
    expect(
      await fulcrum.suppliers.respond(europet, [
        {
          sku: part.sku,
          period: cell.period,
          capacity: lower,
          leadTimeDays: part.importedLeadTimeDays,
          status: "counter",
          comment: "moulding line down for maintenance",
        },
      ]),
    ).toEqual({ saved: 1 });
    const after = (await fulcrum.suppliers.requirements(europet)).parts.find((p) => p.sku === part.sku)!;
    expect(after.periods.find((c) => c.period === cell.period)).toMatchObject({
      capacity: lower,
      source: "counter",
      comment: "moulding line down for maintenance",
    });

    const [before] = await fulcrum.suppliers.changes();
    expect(before).toMatchObject({
      supplier: "SUP-03",
      sku: part.sku,
      period: cell.period,
      status: "counter",
      requestedQuantity: cell.requested,
      oldCapacity: part.importedCapacity,
      newCapacity: lower,
      respondedBy: "EuroPET Bottles",
      runId: first.id,
      inForce: true,
      usedByRunId: null,
    });

    const second = await run();
    expect(await received(second.id, "SUP-03", part.sku, cell.period)).toBeLessThanOrEqual(lower + 1e-6);
    const summary = (await fulcrum.supply.detail(second.id)).summary as SupplyRunSummary;
    expect(summary.supplierResponsesUsed).toBe(1);
    const [used] = await fulcrum.suppliers.changes();
    expect(used?.usedByRunId).toBe(second.id);
  });

  it("refuses another supplier's part, a period outside the horizon and a negative capacity — all or nothing", async () => {
    const count = async () =>
      (await database.pool.query("SELECT count(*)::int AS n FROM supplier_responses")).rows[0].n;
    const before = await count();
    const view = await fulcrum.suppliers.requirements(europet);
    const mine = view.parts[0]!;
    const good = {
      sku: mine.sku,
      period: view.periods[0]!,
      capacity: 10,
      leadTimeDays: 14,
      status: "confirmed" as const,
    };
    const other = (
      await database.pool.query("SELECT sku FROM supplier_items WHERE supplier = 'SUP-04' LIMIT 1")
    ).rows[0].sku as string;
    expect(await refusal(fulcrum.suppliers.respond(europet, [good, { ...good, sku: other }]))).toBe(
      `bad_request: row 2 (${other} ${good.period}): ${other} is not a part SUP-03 supplies; nothing was saved`,
    );
    expect(await refusal(fulcrum.suppliers.respond(europet, [{ ...good, period: "2030-01" }]))).toContain(
      "2030-01 is not in the planning horizon",
    );
    expect(await refusal(fulcrum.suppliers.respond(europet, [{ ...good, capacity: -3 }]))).toContain(
      "capacity is -3, not a non-negative number",
    );
    expect(await count()).toBe(before);
    expect(await refusal(fulcrum.suppliers.requirements(sol))).toBe(
      "forbidden: only a supplier's own users use the supplier portal",
    );
  });

  it("keeps responses append-only", async () => {
    await expect(
      database.pool.query("UPDATE supplier_responses SET confirmed_capacity = 0"),
    ).rejects.toThrow();
    await expect(database.pool.query("DELETE FROM supplier_responses")).rejects.toThrow();
  });
});
