import { daysInMonth } from "@fulcrum/domain";
import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../auth/auth-service";
import { createFulcrum, type Fulcrum } from "../fulcrum";

// Given the demo company (12 SKUs, seed 3: a planned SKU promotion with cannibalisation and a dip,
// a phase-out, a supersession, past promotions in the history) and a six-month forecast run.
let database: Database;
let fulcrum: Fulcrum;
let dana: User;
let versionId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  await fulcrum.loadDemo({ skuCount: 12, seed: 3, asOf: "2026-11-22" });
  dana = await fulcrum.auth.createUser({
    username: "dana-promotions",
    displayName: "Dana",
    role: "demand_planner",
    password: "dana-password",
  });
  ({ versionId } = await fulcrum.forecasts.run({
    horizon: 6,
    historyMonths: 36,
    level: "sku",
    userId: null,
  }));
}, 120_000);
afterAll(() => database.close());

type Layers = Record<string, Record<string, Record<string, number>>>;
/** measure → sku → period → value for the run's version. */
async function layers(): Promise<Layers> {
  const { rows } = await database.pool.query(
    "SELECT measure, sku, period, value FROM plan_values WHERE version_id = $1 AND measure IN ('demand.statistical', 'demand.marketing', 'demand.product')",
    [versionId],
  );
  const out: Layers = {};
  for (const r of rows) {
    const measure = out[r.measure] ?? {};
    out[r.measure] = measure;
    const sku = measure[r.sku] ?? {};
    measure[r.sku] = sku;
    sku[r.period] = r.value;
  }
  return out;
}
const at = (l: Layers, measure: string, sku: string, period: string) => l[measure]?.[sku]?.[period];

async function futureSkuPromotion() {
  const { rows } = await database.pool.query(`
    SELECT p.code, p.sku, i.group_code, to_char(start_date, 'YYYY-MM-DD') AS start, to_char(end_date, 'YYYY-MM-DD') AS end,
           uplift_pct, cannibalisation_pct, post_dip_pct
    FROM promotions p JOIN items i ON i.sku = p.sku
    WHERE p.sku IS NOT NULL AND p.segment IS NULL AND start_date > '2026-11-22' AND end_date < '2027-04-01'
      AND cannibalisation_pct IS NOT NULL AND post_dip_pct IS NOT NULL ORDER BY start_date LIMIT 1`);
  expect(rows).toHaveLength(1);
  return rows[0] as {
    code: string;
    sku: string;
    group_code: string;
    start: string;
    end: string;
    uplift_pct: number;
    cannibalisation_pct: number;
    post_dip_pct: number;
  };
}

describe("promotions and transitions in the forecast run's demand version", () => {
  it("lifts a planned promotion's SKU in its month by the share of days, in the marketing layer", async () => {
    const p = await futureSkuPromotion();
    const l = await layers();
    const month = p.start.slice(0, 7);
    expect(p.end.slice(0, 7)).toBe(month);
    const days = Number(p.end.slice(8)) - Number(p.start.slice(8)) + 1;
    const share = days / daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5)));
    const stat = at(l, "demand.statistical", p.sku, month)!;
    expect(stat).toBeGreaterThan(0);
    expect(at(l, "demand.marketing", p.sku, month)).toBeCloseTo((stat * share * p.uplift_pct) / 100, 6);
  });

  it("takes the cannibalised share of that uplift from its sisters, in the product layer", async () => {
    const p = await futureSkuPromotion();
    const l = await layers();
    const month = p.start.slice(0, 7);
    const { rows } = await database.pool.query("SELECT sku FROM items WHERE group_code = $1 AND sku <> $2", [
      p.group_code,
      p.sku,
    ]);
    const sisters = rows
      .map((r) => r.sku as string)
      .filter((s) => (at(l, "demand.statistical", s, month) ?? 0) > 0);
    expect(sisters.length).toBeGreaterThan(0);
    const lost = sisters.reduce(
      (sum, s) => sum + at(l, "demand.statistical", s, month)! - at(l, "demand.product", s, month)!,
      0,
    );
    const uplift = at(l, "demand.marketing", p.sku, month)!;
    expect(lost).toBeCloseTo((uplift * p.cannibalisation_pct) / 100, 6);
  });

  it("dips the month after the promotion by the post-promotion dip", async () => {
    const p = await futureSkuPromotion();
    const l = await layers();
    const [y, m] = p.end.split("-").map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
    const stat = at(l, "demand.statistical", p.sku, next)!;
    expect(at(l, "demand.marketing", p.sku, next)).toBeUndefined();
    expect(at(l, "demand.product", p.sku, next)).toBeCloseTo(stat * (1 - p.post_dip_pct / 100), 6);
  });

  it("ramps the phase-out SKU's product layer down to zero by its end date", async () => {
    const { rows } = await database.pool.query(
      "SELECT sku, to_char(end_date, 'YYYY-MM') AS last FROM product_transitions WHERE kind = 'phase_out'",
    );
    const { sku, last } = rows[0];
    const l = await layers();
    const product = l["demand.product"]![sku]!;
    const months = Object.keys(product).sort();
    expect(months).toHaveLength(6);
    for (const period of months) {
      if (period > last) expect(product[period]).toBe(0);
      else expect(product[period]!).toBeLessThan(at(l, "demand.statistical", sku, period)!);
    }
    expect(months.some((p) => p > last)).toBe(true);
  });

  it("moves the superseded SKU's demand to its successor, keeping the pair's total", async () => {
    const { rows } = await database.pool.query(
      "SELECT sku, predecessor_sku FROM product_transitions WHERE kind = 'supersession'",
    );
    const { sku, predecessor_sku: old } = rows[0];
    const l = await layers();
    const calendar = await fulcrum.promotions.calendar(versionId);
    const { rows: groups } = await database.pool.query(
      "SELECT sku, group_code FROM items WHERE sku IN ($1, $2)",
      [sku, old],
    );
    // Months where no promotion touches either SKU: there the product layer is the transition alone.
    const promoted = new Set(
      calendar.promotions
        .filter((p) => [sku, old].includes(p.sku) || groups.some((g) => g.group_code === p.group))
        .flatMap((p) => [...p.months.map((m) => m.period), p.dipPeriod]),
    );
    const quiet = calendar.periods.filter((period) => !promoted.has(period));
    expect(quiet.length).toBeGreaterThanOrEqual(2);
    for (const period of quiet) {
      const before =
        (at(l, "demand.statistical", sku, period) ?? 0) + (at(l, "demand.statistical", old, period) ?? 0);
      const after = at(l, "demand.product", sku, period)! + at(l, "demand.product", old, period)!;
      expect(after).toBeCloseTo(before, 6);
      expect(at(l, "demand.product", old, period)).toBe(0);
    }
  });

  it("starts the launch from its like-for-like SKU, handing over to its own forecast by its months of history", async () => {
    const { rows } = await database.pool.query(`
      SELECT t.sku, t.predecessor_sku, t.scale_pct, i.group_code,
             (SELECT to_char(min(requested_date), 'YYYY-MM') FROM sales_history h WHERE h.sku = t.sku AND requested_qty > 0) AS first
      FROM product_transitions t JOIN items i ON i.sku = t.sku WHERE kind = 'launch'`);
    const { sku, predecessor_sku: like, scale_pct: scale, group_code: group, first } = rows[0];
    const [y, m] = first.split("-").map(Number);
    const own = ((2026 - y) * 12 + 11 - m) / 12;
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(1);
    const l = await layers();
    const calendar = await fulcrum.promotions.calendar(versionId);
    const promoted = new Set(
      calendar.promotions
        .filter((p) => p.sku === sku || p.group === group)
        .flatMap((p) => [...p.months.map((x) => x.period), p.dipPeriod]),
    );
    const quiet = calendar.periods.filter((period) => !promoted.has(period));
    expect(quiet.length).toBeGreaterThanOrEqual(2);
    for (const period of quiet)
      expect(at(l, "demand.product", sku, period)).toBeCloseTo(
        own * (at(l, "demand.statistical", sku, period) ?? 0) +
          ((1 - own) * scale * at(l, "demand.statistical", like, period)!) / 100,
        6,
      );
  });

  it("divides a past promotion's uplift out of the history the model was fitted on", async () => {
    const { rows } = await database.pool.query(`
      SELECT p.sku, to_char(p.start_date, 'YYYY-MM') AS month, m.cleansing, m.notes
      FROM promotions p JOIN forecast_models m ON m.sku = p.sku
      WHERE p.sku IS NOT NULL AND p.end_date < '2026-11-01' AND m.history_start <= to_char(p.start_date, 'YYYY-MM')
        AND to_char(p.start_date, 'YYYY-MM') >= '2023-11'
      LIMIT 1`);
    expect(rows).toHaveLength(1);
    const { month, cleansing, notes } = rows[0];
    const cleansed = cleansing.find((c: { period: string; reason: string }) => c.period === month);
    expect(cleansed).toMatchObject({ reason: "promotion" });
    // The promotion lifted the month, so the model learns a lower figure than was sold.
    expect(cleansed.cleansed).toBeLessThan(cleansed.original);
    expect(notes.join(" ")).toMatch(
      /promotion periods? \(period [\d, ]+\) cleared of the promotion's effect/,
    );
  });
});

describe("the promotions calendar and re-applying it", () => {
  it("lists each planned promotion with its uplift units and revenue at the discounted price", async () => {
    const p = await futureSkuPromotion();
    const calendar = await fulcrum.promotions.calendar(versionId);
    const entry = calendar.promotions.find((e) => e.code === p.code)!;
    // Every segment's price, weighted by the SKU's segment mix over the last 12 closed months.
    const { rows } = await database.pool.query(
      `WITH mix AS (
         SELECT c.segment, sum(h.requested_qty) / sum(sum(h.requested_qty)) OVER () AS share
         FROM sales_history h JOIN customers c ON c.code = h.customer
         WHERE h.sku = $1 AND h.requested_date >= '2025-11-01' AND h.requested_date < '2026-11-01' GROUP BY c.segment)
       SELECT sum(pr.unit_price * mix.share) AS price, min(p.discount_pct) AS discount_pct
       FROM promotions p JOIN prices pr ON pr.sku = p.sku AND pr.valid_from <= p.start_date
         AND (pr.valid_to IS NULL OR pr.valid_to >= p.start_date)
       JOIN mix ON mix.segment = pr.segment WHERE p.code = $2`,
      [p.sku, p.code],
    );
    const price = Number(rows[0].price);
    const own = (entry.effect.baseline + entry.effect.uplift) * price * (1 - rows[0].discount_pct / 100);
    expect(entry.effect.uplift).toBeGreaterThan(0);
    expect(entry.effect.cannibalised).toBeCloseTo((entry.effect.uplift * p.cannibalisation_pct) / 100, 6);
    expect(entry.effect.revenue).toBe(Math.round(own));
    expect(calendar.transitions.map((t) => t.kind).sort()).toEqual(["launch", "phase_out", "supersession"]);
  });

  it("writes a newly imported promotion as an audited edit and keeps what a person changed", async () => {
    const p = await futureSkuPromotion();
    const month = p.start.slice(0, 7);
    // A person sets the promoted SKU's marketing cell by hand; then a new promotion is imported.
    await database.pool.query(
      "UPDATE plan_values SET value = 1 WHERE version_id = $1 AND measure = 'demand.marketing' AND sku = $2 AND period = $3",
      [versionId, p.sku, month],
    );
    await database.pool.query(
      `INSERT INTO plan_changes (version_id, measure, sku, period, old_value, new_value, reason, changed_by)
       VALUES ($1, 'demand.marketing', $2, $3, NULL, 1, 'key account', $4)`,
      [versionId, p.sku, month, dana.id],
    );
    const { rows: others } = await database.pool.query(
      "SELECT sku FROM items WHERE item_type = 'finished' AND status = 'active' AND sku <> $1 ORDER BY sku LIMIT 1",
      [p.sku],
    );
    const other = others[0].sku as string;
    await database.pool.query(
      `INSERT INTO promotions (code, name, sku, start_date, end_date, uplift_pct, discount_pct)
       VALUES ('PROMO-NEW', 'Added later', $1, '2027-03-01', '2027-03-31', 10, 5)`,
      [other],
    );
    const before = await layers();
    const result = await fulcrum.promotions.apply(versionId, dana);
    expect(result.edits.map((e) => `${e.measure} ${e.reason}`)).toContain("demand.marketing promotion");
    const l = await layers();
    // A whole month at 10 %, on top of whatever other promotions already gave the cell.
    expect(at(l, "demand.marketing", other, "2027-03")).toBeCloseTo(
      (at(before, "demand.marketing", other, "2027-03") ?? 0) +
        at(l, "demand.statistical", other, "2027-03")! * 0.1,
      6,
    );
    expect(at(l, "demand.marketing", p.sku, month)).toBe(1);
    const { rows: edits } = await database.pool.query(
      "SELECT kind, reason, edited_by FROM plan_edits WHERE version_id = $1 AND id = $2",
      [versionId, result.edits[0]!.editId],
    );
    expect(edits[0]).toMatchObject({ kind: "promotion", reason: "promotion", edited_by: dana.id });
    // Applying again changes nothing.
    expect((await fulcrum.promotions.apply(versionId, dana)).edits).toEqual([]);
    // The edit undoes like any other: the new promotion's uplift is gone again.
    const marketing = result.edits.find((e) => e.measure === "demand.marketing")!;
    await fulcrum.demand.undo(marketing.editId, dana);
    expect(at(await layers(), "demand.marketing", other, "2027-03")).toBe(
      at(before, "demand.marketing", other, "2027-03"),
    );
  });
});
