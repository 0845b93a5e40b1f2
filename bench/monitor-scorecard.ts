// Scorecard benchmark (wired into `npm run bench:monitor`): the full KPI scorecard over 24 closed
// months of actuals on a generated 2,000-SKU company, then three drill-downs and the monthly
// performance report with its workbook, each timed; the reference is a plain SQL aggregate of the
// same order lines by month (what a report query over the actuals costs), run in the same process.
//
// The past cycles' committed plans are SYNTHESISED for timing only: a supply solve at 2,000 SKUs
// takes about 25 minutes per cycle, so each of the 24 cycles gets a committed demand and supply
// version written directly — production, projected stock, stock targets and served demand derived
// from the actuals with noise — a committed_plans row whose financial plan is the month's realised
// revenue, margin and cash flow scaled, and a consensus snapshot. The plans' numbers mean nothing;
// their size and shape are what a real plan of the company would have.

import { createFulcrum, performanceReport, performanceReportWorkbook } from "@fulcrum/app";
import { addPeriods, type PeriodKey, periodRange } from "@fulcrum/domain";
import type { Database } from "@fulcrum/storage";
import { fmt, insertPlanCells, scratchDatabase, timed } from "./support";

const AS_OF = "2026-11-22";
const MONTHS = 24;

export async function benchScorecard(skuCount = 2_000): Promise<void> {
  console.log(`\n## Scorecard: ${fmt(skuCount)} SKUs, ${MONTHS} closed months, synthesised committed plans`);
  const scratch = await scratchDatabase();
  try {
    const { database } = scratch;
    const fulcrum = createFulcrum(database, { now: () => new Date(`${AS_OF}T09:00:00Z`) });
    const loaded = await timed(() => fulcrum.loadDemo({ skuCount, asOf: AS_OF }));
    const company = await fulcrum.workspace.company();
    const to = addPeriods(company.currentPeriod, -1);
    const from = addPeriods(to, -(MONTHS - 1));
    const synthesised = await timed(() => synthesisePlans(database, periodRange(from, to)));
    const sizes = await counts(database, from);
    console.log(
      `- demo company loaded in ${fmt(loaded.seconds, 1)} s; ${fmt(sizes.lines)} order lines in the window, ` +
        `${fmt(sizes.receipts)} receipt lines, ${fmt(sizes.planValues)} plan values in ${MONTHS} committed plans ` +
        `(synthesised in ${fmt(synthesised.seconds, 1)} s)`,
    );

    const reference = await timed(async () => {
      await database.pool.query(
        `SELECT to_char(requested_date, 'YYYY-MM') AS month, count(*), sum(requested_qty), sum(least(delivered_qty, requested_qty)),
                count(*) FILTER (WHERE delivered_qty >= requested_qty AND delivered_date <= requested_date),
                sum(delivered_qty * coalesce(unit_price, 0))
         FROM sales_history WHERE requested_date >= $1::date AND requested_date < $2::date GROUP BY 1`,
        [`${from}-01`, `${addPeriods(to, 1)}-01`],
      );
    });
    // A first scorecard warms the caches and the query plans; the second is the figure.
    await fulcrum.scorecard.scorecard({ from, to });
    const card = await timed(() => fulcrum.scorecard.scorecard({ from, to }));
    const withValue = card.result.kpis.filter((k) => k.value !== null).length;
    const filtered = await timed(() => fulcrum.scorecard.scorecard({ from, to, segment: "RETAIL" }));
    const drills: string[] = [];
    for (const kpi of ["otif", "plan_attainment", "revenue_vs_plan"] as const) {
      const drill = await timed(() => fulcrum.scorecard.drill(kpi, { from, to }));
      drills.push(`${kpi} ${fmt(drill.seconds, 2)} s (${drill.result.rows.length} rows)`);
    }
    const report = await timed(async () => {
      const r = await performanceReport(fulcrum.scorecard, { month: to, exceptions: [] });
      return performanceReportWorkbook(r, company.currency.minorDigits);
    });
    console.log(
      `- full scorecard, ${MONTHS} months: ${fmt(card.seconds, 2)} s (${withValue} of ${card.result.kpis.length} KPIs with a value); ` +
        `reference SQL aggregate of the order lines ${fmt(reference.seconds, 3)} s → ratio ${fmt(card.seconds / reference.seconds, 0)}×`,
    );
    console.log(`- filtered by segment RETAIL: ${fmt(filtered.seconds, 2)} s`);
    console.log(`- drill-downs: ${drills.join("; ")}`);
    console.log(
      `- performance report ${to} (12 months) with its workbook: ${fmt(report.seconds, 2)} s, ${fmt(report.result.length / 1024, 0)} KiB`,
    );
  } finally {
    await scratch.dispose();
  }
}

async function counts(database: Database, from: string) {
  const one = async (text: string, values: unknown[] = []) =>
    Number((await database.pool.query<{ n: string }>(text, values)).rows[0]!.n);
  return {
    lines: await one("SELECT count(*) AS n FROM sales_history WHERE requested_date >= $1::date", [
      `${from}-01`,
    ]),
    receipts: await one("SELECT count(*) AS n FROM supplier_receipts"),
    planValues: await one(
      "SELECT count(*) AS n FROM plan_values v JOIN committed_plans c ON c.supply_version_id = v.version_id OR c.demand_version_id = v.version_id",
    ),
  };
}

/**
 * Month-end stock snapshots for the window (the demo keeps one, as of today) and one committed plan
 * per cycle, derived from the actuals (see the header: for timing only).
 */
export async function synthesisePlans(database: Database, cycles: readonly PeriodKey[]): Promise<void> {
  const q = (text: string, values: unknown[] = []) => database.pool.query(text, values);
  const cells = (select: string, values: unknown[]) => insertPlanCells(database, select, values);
  const user = (await q("SELECT id FROM users ORDER BY id LIMIT 1")).rows[0]!.id as number;
  const { rows: scenarios } = await q(
    "SELECT id FROM scenarios WHERE parent_id IS NULL AND deleted_at IS NULL LIMIT 1",
  );
  const scenarioId =
    (scenarios[0]?.id as number | undefined) ?? (await createFulcrum(database).plans.baseScenario(null));
  // Each month's closing stock: today's ×0.7–1.3.
  await q(
    `INSERT INTO inventory (sku, location, snapshot_date, on_hand)
     SELECT i.sku, i.location, (m || '-01')::date + interval '1 month' - interval '1 day', i.on_hand * (0.7 + 0.6 * random())
     FROM (SELECT DISTINCT ON (sku, location) sku, location, on_hand FROM inventory ORDER BY sku, location, snapshot_date DESC) AS i
     CROSS JOIN unnest($1::text[]) AS m
     ON CONFLICT DO NOTHING`,
    [cycles],
  );
  // The order lines by SKU, location and month, read once rather than once per cycle.
  await q(`CREATE TABLE bench_monthly AS
    SELECT sku, location, to_char(requested_date, 'YYYY-MM') AS month, sum(requested_qty) AS requested
    FROM sales_history GROUP BY 1, 2, 3`);
  await q("CREATE INDEX ON bench_monthly (month)");
  const { rows: revenueRows } = await q(
    `SELECT to_char(delivered_date, 'YYYY-MM') AS period, sum(delivered_qty * coalesce(unit_price, 0))::float8 AS revenue
     FROM sales_history WHERE delivered_date IS NOT NULL GROUP BY 1`,
  );
  const revenueOf = new Map(
    revenueRows.map((r: { period: string; revenue: number }) => [r.period, r.revenue]),
  );
  let number = 1_000;
  for (const cycle of cycles) {
    await q("INSERT INTO cycles (period, stage) VALUES ($1, 'committed') ON CONFLICT (period) DO NOTHING", [
      cycle,
    ]);
    const version = async (kind: string) =>
      (
        await q(
          "INSERT INTO plan_versions (scenario_id, kind, number, status, cycle_period, label) VALUES ($1, $2, $3, 'draft', $4, 'Synthesised') RETURNING id",
          [scenarioId, kind, ++number, cycle],
        )
      ).rows[0]!.id as number;
    const demand = await version("demand");
    const supply = await version("supply");
    const next = [cycle, addPeriods(cycle, 1), addPeriods(cycle, 2), addPeriods(cycle, 3)];
    // Production: made ±10 %, per SKU and plant; stock: held ±15 %, target = held, safety 40 %.
    await cells(
      `SELECT $1::int, 'supply.production', sku, location, NULL, period, quantity * (0.9 + 0.2 * random())
       FROM production_actuals WHERE period = ANY($2::text[])`,
      [supply, next.slice(0, 2)],
    );
    await cells(
      `SELECT $1::int, m.measure, h.sku, h.location, NULL, $2, h.on_hand * m.factor * (0.85 + 0.3 * random())
       FROM inventory h
       CROSS JOIN (VALUES ('inventory.projected', 1.0), ('inventory.target', 1.0), ('inventory.safety_stock', 0.4)) AS m(measure, factor)
       WHERE h.snapshot_date = ($2 || '-01')::date + interval '1 month' - interval '1 day'`,
      [supply, cycle],
    );
    // Served demand of the following months (what days of cover draws on), from the orders asked for.
    await cells(
      `SELECT $1::int, 'supply.served', sku, location, NULL, month, requested FROM bench_monthly WHERE month = ANY($2::text[])`,
      [supply, [1, 2, 3, 4, 5, 6].map((n) => addPeriods(cycle, n))],
    );
    await cells(
      `SELECT $1::int, 'demand.consensus', sku, NULL, NULL, month, sum(requested) * (0.8 + 0.4 * random())
       FROM bench_monthly WHERE month = ANY($2::text[]) GROUP BY 3, 6`,
      [demand, next],
    );
    // Frozen once written, as a commitment freezes its versions.
    await q(
      "UPDATE plan_versions SET status = 'committed', approved_by = $3, approved_at = now() WHERE id IN ($1, $2)",
      [demand, supply, user],
    );
    // The consensus snapshot accuracy is measured on: statistical and consensus, ±20 % of demand.
    const snapshot = (
      await q(
        "INSERT INTO demand_snapshots (cycle_period, version_id, taken_by, taken_at) VALUES ($1, $2, $3, now()) RETURNING id",
        [cycle, demand, user],
      )
    ).rows[0]!.id as number;
    await q(
      `INSERT INTO demand_snapshot_values (snapshot_id, layer, sku, period, value)
       SELECT $1, layer, sku, period, value * (0.8 + 0.4 * random())
       FROM plan_values CROSS JOIN (VALUES ('statistical'), ('consensus')) AS l(layer)
       WHERE version_id = $2`,
      [snapshot, demand],
    );
    const run = (
      await q(
        `INSERT INTO supply_runs (scenario_id, demand_version_id, version_id, strategy, first_period, horizon, time_limit_seconds, status, phase, outcome, started_at, finished_at)
         VALUES ($1, $2, $3, 'optimal', $4, 4, 60, 'finished', 'done', 'optimal', now(), now()) RETURNING id`,
        [scenarioId, demand, supply, cycle],
      )
    ).rows[0]!.id as number;
    // The financial plan: each month's realised revenue ×0.9–1.1, margin 35 %, cash flow 60 % of margin.
    const byPeriod = next
      .filter((period) => revenueOf.has(period))
      .map((period) => {
        const revenue = Math.round(revenueOf.get(period)! * (0.9 + 0.2 * Math.random()));
        const grossMargin = Math.round(revenue * 0.35);
        return { period, revenue, grossMargin, operatingCashFlow: Math.round(grossMargin * 0.6) };
      });
    await q(
      `INSERT INTO committed_plans (cycle_period, scenario_id, supply_run_id, demand_version_id, supply_version_id, finance, supply_summary, rationale, committed_by)
       VALUES ($1, $2, $3, $4, $5, $6, '{}', 'Synthesised for the scorecard benchmark', $7)`,
      [
        cycle,
        scenarioId,
        run,
        demand,
        supply,
        JSON.stringify({ periods: next, total: { byPeriod, horizon: {} }, groups: [] }),
        user,
      ],
    );
  }
  await q("DROP TABLE bench_monthly");
  await q("ANALYZE");
}

// `npx tsx bench/monitor-scorecard.ts [skuCount]` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) await benchScorecard(Number(process.argv[2] ?? 2_000));
