// The demo company's past S&OP cycles, so that forecast accuracy, value added and the plan's
// attainment have something to measure on a new workspace. Each of the last months is played through
// the same services a real cycle uses: the statistical forecast is made by the engine from the
// history known at the time; Sam (sales) raises the first brand by a sales team's usual optimism;
// Mia (marketing) adds each promotion's planned uplift; Dana (demand planner) proposes the consensus
// and approves it, which takes the cycle's snapshot. Sol (supply planner) then plans the cycle's
// supply from that consensus and the stock counted before it, each stage is approved by its owner,
// and Eve (executive) commits the base plan, which freezes it with its financial plan. Only the
// people's behaviour is scripted; every number comes from the engines.

import { addPeriods, type PeriodKey, periodRange, periodsBetween } from "@fulcrum/domain";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import type { User } from "../auth/auth-service";
import type { CycleService } from "../cycle/cycle-service";
import { revisionOf } from "../demand/demand-layers";
import type { DemandNode } from "../demand/demand-node";
import { skuBelow } from "../demand/demand-node";
import type { DemandPlanService } from "../demand/demand-plan-service";
import { AppError } from "../errors";
import type { CommitService } from "../executive/commit-service";
import { loadDemandHistory } from "../forecasting/demand-history";
import { forecastMany } from "../forecasting/forecast-pool";
import type { PlanService } from "../plans/plan-service";
import { insertCellColumns } from "../plans/plan-writer";
import type { SupplyService } from "../supply/supply-service";
import type { WorkspaceService } from "../workspace/workspace-service";

/** Past cycles a new demo plays: a year of them, so the scorecard has a year of trend. */
export const DEMO_PAST_CYCLES = 12;
/** Sales' optimism on the brand it pushes, in percent. */
const SALES_OPTIMISM_PCT = 8;

/**
 * Each past cycle's supply plan: level production. It needs no solver on a first start (about 1 s a
 * cycle, against 6 s for the optimiser), and it plans finished goods only (filled bottles as
 * phantoms), as the plants report what they made — so plan attainment compares like with like.
 */
const SUPPLY_RUN = { strategy: "level", timeLimitSeconds: 30 } as const;

export interface DemoCyclesResult {
  readonly cycles: readonly PeriodKey[];
  readonly snapshots: number;
  /** Committed plans of the cycles played. */
  readonly committed: number;
}

export async function playDemoCycles(
  database: Database,
  services: {
    demand: DemandPlanService;
    plans: PlanService;
    workspace: WorkspaceService;
    supply: SupplyService;
    cycle: CycleService;
    commitments: CommitService;
  },
  options: { readonly cycles?: number; readonly horizon?: number } = {},
): Promise<DemoCyclesResult> {
  const cycleCount = options.cycles ?? DEMO_PAST_CYCLES;
  // Four months, so that accuracy at lag 3 has a plan to measure.
  const horizon = options.horizon ?? 4;
  const company = await services.workspace.company();
  if (!company.demo) throw new AppError("conflict", "past cycles are generated for the demo company only");
  const db = database.db;
  const people = await demoPeople(database);
  const scenarioId = await services.plans.baseScenario(people.dana);
  // Every series' full history; each cycle sees only the months closed before it.
  const history = await loadDemandHistory(database, company.currentPeriod, 36, "sku");
  const brand = await sql<{ code: string }>`
    SELECT code FROM product_groups WHERE parent_code IS NULL ORDER BY code LIMIT 1`.execute(db);
  const cycles = periodRange(
    addPeriods(company.currentPeriod, -cycleCount),
    addPeriods(company.currentPeriod, -1),
  );

  for (const cycle of cycles) {
    await services.cycle.openPast(cycle);
    await services.cycle.approve("data_gathering", people.dana, "history loaded", cycle);
    const known = history
      .map((s) => ({
        sku: s.sku,
        values: s.values.slice(0, s.values.length - periodsBetween(cycle, company.currentPeriod)),
      }))
      .filter((s) => s.values.length >= 13);
    const results = await forecastMany(known.map((s) => ({ values: s.values, horizon, period: 12 })));
    const months = periodRange(cycle, addPeriods(cycle, horizon - 1));
    const version = await services.plans.createVersion({
      scenarioId,
      kind: "demand",
      label: `Demand plan ${cycle} (demo history)`,
      cyclePeriod: cycle,
      user: null,
    });
    // The forecast with its P10–P90 band, as a forecast run stores it: the cycle's supply plan sizes
    // its safety stock from that band, and without it would plan none.
    const cells = known.flatMap((s, i) => {
      const result = results[i]!;
      if (!result.ok) return [];
      const band = (level: number) => result.forecast.quantiles.find((q) => Math.abs(q.level - level) < 1e-9);
      const layers: [string, readonly number[] | undefined][] = [
        ["demand.statistical", result.forecast.point],
        ["demand.statistical.p10", band(0.1)?.values],
        ["demand.statistical.p90", band(0.9)?.values],
      ];
      return layers.flatMap(([measure, values]) =>
        values
          ? months.map((period, h) => ({ measure, sku: s.sku, period, value: Math.round(values[h]!) }))
          : [],
      );
    });
    await insertCellColumns(db, version.id, {
      measure: cells.map((c) => c.measure),
      sku: cells.map((c) => c.sku),
      location: cells.map(() => null),
      segment: cells.map(() => null),
      period: cells.map((c) => c.period),
      value: cells.map((c) => c.value),
    });

    const edit = async (
      measure: "demand.sales" | "demand.marketing",
      node: DemandNode,
      period: string,
      total: number,
      reason: string,
      who: User,
    ) =>
      services.demand.edit(
        {
          versionId: version.id,
          measure,
          node,
          from: period,
          edit: { kind: "total", value: total },
          basis: "statistical",
          reason,
          comment: "demo history",
          expectedRevision: await revisionOf(db, version.id),
        },
        who,
      );
    const statistical = async (node: DemandNode, period: string) =>
      Number(
        (
          await sql<{ total: number | null }>`
            SELECT sum(value) AS total FROM plan_values
            WHERE version_id = ${version.id} AND measure = 'demand.statistical' AND period = ${period}
              AND ${skuBelow(node)}`.execute(db)
        ).rows[0]?.total ?? 0,
      );

    if (brand.rows[0]) {
      const node: DemandNode = { kind: "group", code: brand.rows[0].code };
      for (const period of months) {
        const total = await statistical(node, period);
        if (total > 0)
          await edit(
            "demand.sales",
            node,
            period,
            Math.round(total * (1 + SALES_OPTIMISM_PCT / 100)),
            "customer feedback",
            people.sam,
          );
      }
    }
    for (const promotion of await promotionsIn(database, months)) {
      const node: DemandNode = promotion.sku
        ? { kind: "item", code: promotion.sku }
        : { kind: "group", code: promotion.group! };
      const uplift = Math.round(
        ((await statistical(node, promotion.period)) * promotion.upliftPct * promotion.share) / 100,
      );
      if (uplift > 0) await edit("demand.marketing", node, promotion.period, uplift, "promotion", people.mia);
    }
    await services.demand.proposeConsensus(
      {
        versionId: version.id,
        node: { kind: "all" },
        from: months[0]!,
        to: months.at(-1)!,
        reason: "consensus proposal",
        expectedRevision: await revisionOf(db, version.id),
      },
      people.dana,
    );
    await services.demand.approveConsensus(version.id, people.dana);
    await services.cycle.approve("demand_review", people.dana, "consensus approved", cycle);
    await services.supply.run({ ...SUPPLY_RUN, horizon, cycle, userId: people.sol.id });
    await services.cycle.approve("supply_review", people.sol, "supply plan reviewed", cycle);
    await services.cycle.approve("alignment", people.fin, "financial plan checked", cycle);
    await services.commitments.commit(
      { scenarioId, cycle, rationale: "The base plan: the demand consensus on level production." },
      people.eve,
    );
  }
  const count = async (table: "demand_snapshots" | "committed_plans") =>
    Number((await db.selectFrom(table).select(db.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);
  return { cycles, snapshots: await count("demand_snapshots"), committed: await count("committed_plans") };
}

const PEOPLE = ["dana", "sam", "mia", "sol", "fin", "eve"] as const;

/** The demo users who play the cycles: demand planner, sales, marketing, supply planner, finance, executive. */
async function demoPeople(database: Database): Promise<Record<(typeof PEOPLE)[number], User>> {
  const rows = await database.db
    .selectFrom("users")
    .select(["id", "username", "display_name", "role"])
    .where("username", "in", [...PEOPLE])
    .execute();
  const user = (name: string): User => {
    const row = rows.find((r) => r.username === name);
    if (!row) throw new AppError("conflict", `the demo user ${name} is missing`);
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role as User["role"],
      supplierCode: null,
    };
  };
  return Object.fromEntries(PEOPLE.map((name) => [name, user(name)])) as Record<
    (typeof PEOPLE)[number],
    User
  >;
}

/** Promotions touching the months, one row per month with the share of its days they cover. */
async function promotionsIn(database: Database, months: readonly string[]) {
  const { rows } = await sql<{
    sku: string | null;
    group: string | null;
    period: string;
    upliftPct: number;
    share: number;
  }>`
    SELECT p.sku, p.group_code AS group, to_char(m.month, 'YYYY-MM') AS period, p.uplift_pct::float8 AS "upliftPct",
           ((LEAST(p.end_date, (m.month + interval '1 month - 1 day')::date) - GREATEST(p.start_date, m.month::date) + 1)::float8
             / extract(day FROM m.month + interval '1 month - 1 day')) AS share
    FROM promotions p
    JOIN (SELECT to_date(x, 'YYYY-MM') AS month FROM unnest(${[...months]}::text[]) AS x) m
      ON p.start_date < m.month + interval '1 month' AND p.end_date >= m.month
    WHERE p.segment IS NULL
    ORDER BY p.code, 3`.execute(database.db);
  return rows;
}
