// Side-by-side comparison of 2–5 plans — the base plan, scenarios, the cycle's committed plan — at
// any node of the product hierarchy and over any span of the horizon, with the node's children for
// drill-down (a brand's families, a family's SKUs). Each scenario is read through `plan_cells`, so its
// copy-on-write versions compare as whole plans.

import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import { sqlRows } from "../data/sql-rows";
import { type DemandNode, describeNode } from "../demand/demand-node";
import { AppError } from "../errors";
import type { SupplyService } from "../supply/supply-service";
import type { WorkspaceService } from "../workspace/workspace-service";
import {
  type FigureCell,
  type PlanFigures,
  planFigures,
  type WholePlanFigures,
  wholePlanFigures,
} from "./plan-figures";
import type { ScenarioService } from "./scenario-service";

export const MAX_COMPARED = 5;

/** A plan the comparison can hold: a scenario's latest finished plan, or a committed plan. */
export type ComparedPlan = { readonly scenarioId: number } | { readonly committedPlanId: number };

export interface ComparisonColumn {
  readonly key: string;
  readonly label: string;
  readonly scenarioId: number;
  readonly isBase: boolean;
  readonly committed: boolean;
  readonly supplyRunId: number;
  /** Changes were made after this plan was computed. */
  readonly stale: boolean;
  readonly figures: PlanFigures;
  readonly wholePlan: WholePlanFigures;
  /** Budget for the node over the span, where one was imported. */
  readonly budget: { readonly units: number | null; readonly revenue: number | null };
  readonly byPeriod: readonly (PlanFigures & { readonly period: string })[];
  readonly children: readonly { readonly code: string; readonly figures: PlanFigures }[];
}

export interface Comparison {
  readonly node: {
    readonly kind: DemandNode["kind"];
    readonly code: string | null;
    readonly name: string;
    readonly level: string;
  };
  readonly periods: readonly string[];
  readonly children: readonly {
    readonly code: string;
    readonly name: string;
    readonly kind: "group" | "item";
  }[];
  readonly columns: readonly ComparisonColumn[];
}

const MEASURES = [
  "supply.served",
  "supply.lost_sales",
  "supply.backlog",
  "inventory.projected",
  "finance.revenue",
  "finance.cogs",
  "finance.lost_revenue",
  "finance.inventory_value",
];

interface Hierarchy {
  readonly groups: ReadonlyMap<string, { name: string; parent: string | null }>;
  readonly items: ReadonlyMap<string, { name: string; group: string | null; type: string }>;
}

export class ScenarioComparisonService {
  constructor(
    private readonly database: Database,
    private readonly workspace: WorkspaceService,
    private readonly scenarios: ScenarioService,
    private readonly supply: SupplyService,
  ) {}

  async compare(input: {
    plans: readonly ComparedPlan[];
    node: DemandNode;
    from?: string;
    to?: string;
  }): Promise<Comparison> {
    if (input.plans.length < 1 || input.plans.length > MAX_COMPARED)
      throw new AppError("bad_request", `compare 1 to ${MAX_COMPARED} plans, not ${input.plans.length}`);
    const db = this.database.db;
    const company = await this.workspace.company();
    const node = await describeNode(db, input.node);
    const hierarchy = await this.hierarchy();
    const below = skusBelow(hierarchy, input.node);
    const { children, childOf } = childrenOf(hierarchy, input.node, below);
    const columns: ComparisonColumn[] = [];
    let horizon: string[] | null = null;
    // Plans of one cycle share their span, so its budget is read once.
    const budgets = new Map<string, Promise<ComparisonColumn["budget"]>>();
    const budgetOf = (span: readonly string[]) => {
      const key = span.join(",");
      if (!budgets.has(key)) budgets.set(key, this.budget(input.node, span));
      return budgets.get(key)!;
    };
    for (const plan of input.plans) {
      const source = await this.source(plan);
      const summary = (await this.supply.detail(source.supplyRunId)).summary;
      if (!summary) throw new AppError("conflict", `supply run ${source.supplyRunId} has no plan`);
      horizon ??= [...summary.periods];
      const span = spanOf(summary.periods, input.from, input.to);
      const cells = await sqlRows(db)<FigureCell>(sql`
        SELECT measure, sku, location, segment, period, value FROM plan_cells(${source.versionId})
        WHERE measure IN (${sql.join(MEASURES)}) AND sku = ANY(${[...below]}::text[])`);
      const bySku = new Map<string, FigureCell[]>();
      for (const c of cells) {
        const child = childOf.get(c.sku);
        if (child === undefined) continue;
        const list = bySku.get(child);
        if (list) list.push(c);
        else bySku.set(child, [c]);
      }
      const days = company.bucket === "month" ? 30 : 7;
      columns.push({
        ...source.column,
        supplyRunId: source.supplyRunId,
        figures: planFigures(cells, span, days),
        wholePlan: wholePlanFigures(summary, span),
        budget: await budgetOf(span),
        byPeriod: span.map((period) => ({ period, ...planFigures(cells, [period], days) })),
        children: children.map((child) => ({
          code: child.code,
          figures: planFigures(bySku.get(child.code) ?? [], span, days),
        })),
      });
    }
    return {
      node: { kind: input.node.kind, code: input.node.kind === "all" ? null : input.node.code, ...node },
      periods: spanOf(horizon ?? [], input.from, input.to),
      children,
      columns,
    };
  }

  /** Where a compared plan's figures come from: its supply run and the version to read. */
  private async source(plan: ComparedPlan) {
    const db = this.database.db;
    if ("committedPlanId" in plan) {
      const row = await db
        .selectFrom("committed_plans as c")
        .innerJoin("scenarios as s", "s.id", "c.scenario_id")
        .select([
          "c.id",
          "c.cycle_period",
          "c.scenario_id",
          "c.supply_run_id",
          "c.supply_version_id",
          "s.parent_id",
        ])
        .where("c.id", "=", plan.committedPlanId)
        .executeTakeFirst();
      if (!row) throw new AppError("not_found", `no committed plan ${plan.committedPlanId}`);
      return {
        supplyRunId: row.supply_run_id,
        versionId: row.supply_version_id,
        column: {
          key: `committed-${row.id}`,
          label: `Committed ${row.cycle_period}`,
          scenarioId: row.scenario_id,
          isBase: row.parent_id === null,
          committed: true,
          stale: false,
        },
      };
    }
    const { scenario, supplyRunId, versionId } = await this.scenarios.latestPlan(plan.scenarioId);
    return {
      supplyRunId,
      versionId,
      column: {
        key: `scenario-${scenario.id}`,
        label: scenario.name,
        scenarioId: scenario.id,
        isBase: scenario.isBase,
        committed: false,
        stale: scenario.stale,
      },
    };
  }

  private async budget(node: DemandNode, span: readonly string[]) {
    if (span.length === 0) return { units: null, revenue: null };
    const groups =
      node.kind === "group"
        ? [node.code]
        : node.kind === "all"
          ? (
              await sqlRows(this.database.db)<{ code: string }>(
                sql`SELECT code FROM product_groups WHERE parent_code IS NULL`,
              )
            ).map((g) => g.code)
          : [];
    if (groups.length === 0) return { units: null, revenue: null };
    const [row] = await sqlRows(this.database.db)<{ units: number | null; revenue: number | null }>(sql`
      SELECT sum(quantity)::float8 AS units, sum(revenue)::float8 AS revenue FROM budgets
      WHERE group_code = ANY(${groups}::text[]) AND period BETWEEN ${span[0]} AND ${span.at(-1)}`);
    return { units: row?.units ?? null, revenue: row?.revenue ?? null };
  }

  private async hierarchy(): Promise<Hierarchy> {
    const query = sqlRows(this.database.db);
    const groups = await query<{ code: string; name: string; parent: string | null }>(
      sql`SELECT code, name, parent_code AS parent FROM product_groups`,
    );
    const items = await query<{ sku: string; name: string; group: string | null; type: string }>(
      sql`SELECT sku, name, group_code AS group, item_type AS type FROM items`,
    );
    return {
      groups: new Map(groups.map((g) => [g.code, { name: g.name, parent: g.parent }])),
      items: new Map(items.map((i) => [i.sku, { name: i.name, group: i.group, type: i.type }])),
    };
  }
}

/** The span's periods within the plan's horizon; the whole horizon without bounds. */
function spanOf(periods: readonly string[], from?: string, to?: string): string[] {
  return periods.filter((p) => (from === undefined || p >= from) && (to === undefined || p <= to));
}

/** The finished SKUs below a node. */
function skusBelow(h: Hierarchy, node: DemandNode): Set<string> {
  const out = new Set<string>();
  for (const [sku, item] of h.items) {
    if (item.type !== "finished") continue;
    if (node.kind === "all" || (node.kind === "item" && sku === node.code)) out.add(sku);
    else if (node.kind === "group")
      for (let g = item.group; g !== null; g = h.groups.get(g)?.parent ?? null)
        if (g === node.code) out.add(sku);
  }
  return out;
}

/** The node's children (top groups, child groups, or SKUs) and which child each SKU rolls into. */
function childrenOf(h: Hierarchy, node: DemandNode, skus: ReadonlySet<string>) {
  const childOf = new Map<string, string>();
  if (node.kind === "item") {
    childOf.set(node.code, node.code);
    return { children: [], childOf };
  }
  const parent = node.kind === "all" ? null : node.code;
  const childGroups = [...h.groups].filter(([, g]) => g.parent === parent).map(([code]) => code);
  const children: { code: string; name: string; kind: "group" | "item" }[] = [];
  for (const sku of skus) {
    let child: string | null = null;
    for (let g = h.items.get(sku)!.group; g !== null; g = h.groups.get(g)?.parent ?? null)
      if (childGroups.includes(g)) child = g;
    childOf.set(sku, child ?? sku);
  }
  const used = new Set(childOf.values());
  for (const code of childGroups)
    if (used.has(code)) children.push({ code, name: h.groups.get(code)!.name, kind: "group" });
  for (const sku of [...skus].sort())
    if (childOf.get(sku) === sku) children.push({ code: sku, name: h.items.get(sku)!.name, kind: "item" });
  return { children, childOf };
}
