// Benchmark: a demand edit at the top of a 10,000-SKU × 24-month hierarchy (every SKU-month moves),
// spread by the engine and saved with one audit row per cell, p50/p95 over repeated edits; and the
// everyday case, one family (100 SKUs) in one month. Each edit's total is checked to the unit.
// The reference, run in the same process on the same cells, is one bare UPDATE of the 240,000
// consensus values with no spread and no audit: the floor any top-level edit sits on here.

import { loadavg } from "node:os";
import { createFulcrum, type User } from "@fulcrum/app";
import { fmt, insertPlanCells, percentile, scratchDatabase } from "./support";

const BRANDS = 10;
const FAMILIES_PER_BRAND = 10;
const SKUS_PER_FAMILY = 100;
const TOP_EDITS = 10;
const FAMILY_EDITS = 50;

export async function benchDemandEdit(): Promise<void> {
  const skuCount = BRANDS * FAMILIES_PER_BRAND * SKUS_PER_FAMILY;
  console.log(
    `\n## Demand edit: ${fmt(skuCount)} SKUs × 24 months (load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")})`,
  );
  const scratch = await scratchDatabase();
  try {
    const { database } = scratch;
    const fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
    await database.pool.query(
      `INSERT INTO units_of_measure VALUES ('EA', 'Each');
       INSERT INTO product_groups SELECT 'B' || b, 'Brand ' || b, 'brand', NULL FROM generate_series(1, ${BRANDS}) b;
       INSERT INTO product_groups SELECT 'B' || b || '-F' || f, 'Family ' || b || '.' || f, 'family', 'B' || b
         FROM generate_series(1, ${BRANDS}) b, generate_series(1, ${FAMILIES_PER_BRAND}) f;
       INSERT INTO items SELECT 'S' || lpad(n::text, 5, '0'), 'SKU ' || n, 'finished',
              'B' || (1 + (n - 1) / ${FAMILIES_PER_BRAND * SKUS_PER_FAMILY}) || '-F' || (1 + ((n - 1) / ${SKUS_PER_FAMILY}) % ${FAMILIES_PER_BRAND}),
              'EA', 'active', NULL
         FROM generate_series(1, ${skuCount}) n;`,
    );
    const dana: User = await fulcrum.auth.createUser({
      username: "dana",
      displayName: "Dana",
      role: "demand_planner",
      password: "bench-password",
    });
    const scenarioId = await fulcrum.plans.baseScenario(dana);
    const versionId = (await fulcrum.plans.createVersion({ scenarioId, kind: "demand", user: null })).id;
    await insertPlanCells(
      database,
      `SELECT $1::int, 'demand.statistical', i.sku, NULL, NULL, to_char(m, 'YYYY-MM'), 50 + abs(hashtext(i.sku || m::text)) % 450 + 0.4
       FROM items i CROSS JOIN generate_series('2026-12-01'::date, '2028-11-01', interval '1 month') m`,
      [versionId],
    );
    const consensusTotal = async (skuPattern: string, from: string, to: string) =>
      Number(
        (
          await database.pool.query(
            "SELECT sum(value) AS s FROM plan_values WHERE version_id = $1 AND measure = 'demand.consensus' AND sku LIKE $2 AND period BETWEEN $3 AND $4",
            [versionId, skuPattern, from, to],
          )
        ).rows[0].s,
      );

    // The server's statistics, as autovacuum would have them on a live system after the load.
    await database.pool.query("ANALYZE");
    let start = performance.now();
    const proposal = await fulcrum.demand.proposeConsensus(
      {
        versionId,
        node: { kind: "all" },
        from: "2026-12",
        to: "2028-11",
        reason: "proposal",
        expectedRevision: 0,
      },
      dana,
    );
    // Each edit states the revision the one before it returned, as the review page does.
    let revision = proposal.revision;
    console.log(
      `consensus proposal: ${fmt(proposal.changed)} cells written in ${fmt((performance.now() - start) / 1000, 2)} s`,
    );

    await database.pool.query("ANALYZE");
    const reference: number[] = [];
    for (let i = 0; i < 3; i++) {
      start = performance.now();
      await database.pool.query(
        `UPDATE plan_series SET cell_values = ARRAY(SELECT v + $2 FROM unnest(cell_values) AS v)
         WHERE version_id = $1 AND measure = 'demand.consensus'`,
        [versionId, i % 2 === 0 ? 1 : -1],
      );
      reference.push(performance.now() - start);
    }
    const top: number[] = [];
    for (let i = 0; i < TOP_EDITS; i++) {
      start = performance.now();
      const result = await fulcrum.demand.edit(
        {
          versionId,
          measure: "demand.consensus",
          node: { kind: "all" },
          from: "2026-12",
          to: "2028-11",
          edit: { kind: "percent", percent: i % 2 === 0 ? 3 : -3 },
          reason: "bench",
          expectedRevision: revision,
        },
        dana,
      );
      top.push(performance.now() - start);
      revision = result.revision;
      if ((await consensusTotal("%", "2026-12", "2028-11")) !== result.after)
        throw new Error("the top total is not exact");
      if (i === 0)
        console.log(
          `one top edit changes ${fmt(result.changed)} cells (${fmt(result.before)} → ${fmt(result.after)} units)`,
        );
    }
    const family: number[] = [];
    for (let i = 0; i < FAMILY_EDITS; i++) {
      start = performance.now();
      const result = await fulcrum.demand.edit(
        {
          versionId,
          measure: "demand.consensus",
          node: { kind: "group", code: "B3-F7" },
          from: "2027-03",
          edit: { kind: "delta", value: i % 2 === 0 ? 250 : -250 },
          reason: "bench",
          expectedRevision: revision,
        },
        dana,
      );
      family.push(performance.now() - start);
      revision = result.revision;
      if (result.after - result.before !== (i % 2 === 0 ? 250 : -250))
        throw new Error("the family total is not exact");
    }
    const audit = (
      await database.pool.query(
        "SELECT sum(cardinality(periods))::int AS n FROM plan_change_sets WHERE version_id = $1",
        [versionId],
      )
    ).rows[0].n;
    const row = (label: string, samples: number[]) =>
      console.log(
        `${label.padEnd(52)} p50 ${fmt(percentile(samples, 50), 0).padStart(6)} ms   p95 ${fmt(percentile(samples, 95), 0).padStart(6)} ms`,
      );
    row(`top node, 24 months (${fmt(skuCount * 24)} cells) ×${TOP_EDITS}`, top);
    row(`one family, one month (${SKUS_PER_FAMILY} cells) ×${FAMILY_EDITS}`, family);
    row(`bare UPDATE of the same ${fmt(skuCount * 24)} cells, no audit (reference) ×3`, reference);
    console.log(
      `top edit / reference at p50: ×${fmt(percentile(top, 50) / percentile(reference, 50), 2)}; audit rows written: ${fmt(audit)}; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
  } finally {
    await scratch.dispose();
  }
}
