// The shapes the Fulcrum HTTP API (docs/api.md) sends and accepts, as the web app sees them.

import type { EntityDef, ImportIssue, Role } from "@fulcrum/domain";

export interface User {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
}

export interface DemoUser extends User {
  readonly password: string;
}

export interface DemoUsers {
  readonly demo: boolean;
  readonly users: readonly DemoUser[];
}

export type CycleStageKey =
  | "data_gathering"
  | "demand_review"
  | "supply_review"
  | "alignment"
  | "executive"
  | "committed";

export type StageStatus = "done" | "current" | "upcoming";

export interface CycleStage {
  readonly stage: CycleStageKey;
  readonly label: string;
  readonly owner: Role;
  readonly status: StageStatus;
}

export interface CompanyCurrency {
  readonly code: string;
  readonly minorDigits: number;
}

export interface Company {
  readonly name: string;
  readonly currency: CompanyCurrency;
  readonly bucket: "month" | "week";
  readonly currentPeriod: string;
  readonly asOf: string;
  readonly demo: boolean;
}

export type EntityArea = EntityDef["area"];

export interface EntitySummary {
  readonly name: string;
  readonly label: string;
  readonly area: EntityArea;
  readonly rows: number;
}

export interface HistoryCoverage {
  /** Null while no sales history has been imported. */
  readonly firstPeriod: string | null;
  readonly lastPeriod: string | null;
  readonly orderLines: number;
  readonly deliveredUnits: number;
}

export interface ImportRun {
  readonly id: number;
  readonly entity: string;
  readonly fileName: string;
  readonly status: "imported" | "rejected";
  readonly rows: number | null;
  /** Null on rejected runs, which write nothing. */
  readonly inserted: number | null;
  readonly updated: number | null;
  readonly unchanged: number | null;
  readonly issueCount?: number | null;
  /** Null for loads made by the system, such as the demo company. */
  readonly user: string | null;
  readonly at: string;
}

export interface Workspace {
  readonly company: Company;
  readonly cycle: {
    readonly period: string;
    readonly stage: CycleStageKey;
    readonly stages: readonly CycleStage[];
  };
  readonly entities: readonly EntitySummary[];
  readonly history: HistoryCoverage;
  readonly recentImports: readonly ImportRun[];
}

export type EntityWithRows = EntityDef & { readonly rows: number };

export type CellValue = string | number | boolean | null;
export type EntityRow = Readonly<Record<string, CellValue>>;

export interface RowsQuery {
  readonly search: string;
  readonly offset: number;
  readonly limit: number;
  readonly sort: string | null;
  readonly dir: "asc" | "desc";
}

export interface RowsPage {
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly rows: readonly EntityRow[];
}

export interface ImportAccepted {
  readonly status: "imported";
  readonly entity: string;
  readonly fileName: string;
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

export interface ImportRejected {
  readonly status: "rejected";
  readonly entity: string;
  readonly fileName: string;
  readonly message: string;
  /** Counts every problem; `issues` holds at most the first 500. */
  readonly issueCount: number;
  readonly issues: readonly ImportIssue[];
}

export type ImportOutcome = ImportAccepted | ImportRejected;

export type HierarchyKind = "group" | "item";

export interface HierarchyNode {
  readonly kind: HierarchyKind;
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly children: number;
}

export type HierarchyPathStep = Omit<HierarchyNode, "children">;

export interface HistoryPoint {
  readonly period: string;
  readonly orderedQty: number;
  readonly deliveredQty: number;
  readonly cancelledQty: number;
  /** Minor units of the company currency. */
  readonly revenue: number;
}

export interface NodeHistory {
  readonly code: string | null;
  readonly name: string;
  readonly series: readonly HistoryPoint[];
}

/** A node of the product hierarchy, or the whole company when null. */
export type HierarchySelection = { readonly code: string; readonly kind: HierarchyKind } | null;

export type ForecastLevel = "sku" | "sku-location" | "sku-segment";

export interface ForecastRun {
  readonly id: number;
  readonly versionId: number;
  readonly level: ForecastLevel;
  readonly status: "running" | "finished" | "failed";
  readonly firstPeriod: string;
  readonly horizon: number;
  readonly series: number;
  readonly done: number;
  readonly total: number;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  /** How the levels were made to add up; null for runs from before reconciliation. */
  readonly reconciliation: {
    readonly method: "bottom-up" | "mint-shrink";
    readonly shrinkage: number | null;
  } | null;
}

export interface ForecastJob {
  readonly id: string;
  readonly state: "created" | "retry" | "active" | "completed" | "cancelled" | "failed";
  readonly output: unknown;
  readonly createdOn: string;
  readonly completedOn: string | null;
  /** Null until a worker has started the run. */
  readonly run: ForecastRun | null;
}

export interface BacktestAccuracy {
  readonly mae: number;
  readonly rmse: number;
  readonly bias: number;
  readonly mase: number | null;
}

export interface ScoreboardEntry extends BacktestAccuracy {
  readonly method: string;
  readonly origins: number;
  readonly chosen: boolean;
}

export interface SeriesModel {
  readonly location: string | null;
  readonly segment: string | null;
  readonly method: string;
  readonly model: string;
  readonly demandClass: string;
  readonly notes: readonly string[];
  readonly accuracy: BacktestAccuracy | null;
  readonly scoreboard: readonly ScoreboardEntry[];
  /** History months cleansed before fitting (absent from servers before migration 0009). */
  readonly cleansing?: readonly CleansedMonth[];
}

export interface CleansedMonth {
  readonly period: string;
  readonly original: number;
  readonly cleansed: number;
  readonly reason: "outlier" | "promotion";
}

export interface NodeAccuracy {
  readonly mae: number;
  readonly bias: number;
  readonly mase: number | null;
  readonly relativeMae: number | null;
  readonly backtested: number;
}

export interface NodeForecast {
  readonly node: { readonly kind: HierarchyKind | null; readonly code: string | null; readonly name: string };
  readonly run: ForecastRun | null;
  readonly history: readonly {
    readonly period: string;
    readonly actual: number;
    readonly fitted: number | null;
  }[];
  readonly forecast: readonly {
    readonly period: string;
    readonly p10: number;
    readonly p50: number;
    readonly p90: number;
  }[];
  readonly series: number;
  readonly methods: readonly { readonly method: string; readonly series: number }[];
  readonly accuracy: NodeAccuracy | null;
  readonly models: readonly SeriesModel[];
  /** Above the run's level: the model the node's own history was forecast with, then reconciled. */
  readonly ownModel: SeriesModel | null;
}

export type SupplyStrategy = "optimal" | "level" | "chase";
export type SupplyPhase = "assembling" | "solving" | "storing" | "done";

export interface SupplyRun {
  readonly id: number;
  readonly scenarioId: number;
  readonly demandVersionId: number | null;
  readonly versionId: number | null;
  readonly strategy: SupplyStrategy;
  readonly status: "running" | "finished" | "failed";
  readonly phase: SupplyPhase;
  /** Percent done, from the phase. */
  readonly progress: number;
  readonly outcome: string | null;
  /** Minor units of the company currency. */
  readonly totalCost: number | null;
  readonly firstPeriod: string;
  readonly horizon: number;
  readonly error: string | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

export interface SupplyJob {
  readonly id: string;
  readonly state: ForecastJob["state"];
  readonly output: unknown;
  readonly createdOn: string;
  readonly completedOn: string | null;
  /** Null until a worker has started the run. */
  readonly run: SupplyRun | null;
}

export interface ShortfallCause {
  readonly kind: "resource" | "supplier" | "lead-time" | "cost";
  readonly resource?: string;
  readonly supplier?: string;
  readonly component?: string;
  readonly period?: string;
  readonly shadowPrice?: number | null;
}

export interface SupplyShortage {
  readonly sku: string;
  readonly location: string;
  readonly segment: string;
  readonly period: string;
  readonly units: number;
  readonly revenueAtRisk: number;
  readonly causes: readonly ShortfallCause[];
}

export interface ResourceLoad {
  readonly resource: string;
  readonly plant: string;
  readonly load: readonly number[];
  readonly regularHours: readonly number[];
  readonly overtimeHours: readonly number[];
  readonly overtimeLimit: readonly number[];
  /** Load ÷ regular hours, in percent. */
  readonly utilisation: readonly number[];
}

export interface CashFlowPeriod {
  readonly period: string;
  readonly receipts: number;
  readonly materialPayments: number;
  readonly labourPayments: number;
  readonly overheadPayments: number;
  readonly net: number;
  readonly cumulative: number;
}

/** Money in minor units throughout. */
export interface SupplyRunSummary {
  readonly outcome: "optimal" | "time-limit" | "heuristic";
  readonly objective: number | null;
  readonly mipGap: number | null;
  readonly solveSeconds: number | null;
  readonly periods: readonly string[];
  readonly size: { readonly skus: number; readonly stockPositions: number; readonly resources: number };
  readonly costs: { readonly total: number; readonly byKind: Readonly<Record<string, number>> };
  readonly cashFlow: readonly CashFlowPeriod[];
  readonly cashAfterHorizon: { readonly receipts: number; readonly payments: number };
  readonly service: {
    readonly demand: number;
    readonly served: number;
    readonly lost: number;
    readonly backlogAtEnd: number;
    readonly fillRate: number;
    readonly revenue: number;
    readonly lostRevenue: number;
  };
  readonly capacity: readonly ResourceLoad[];
  readonly shortages: readonly SupplyShortage[];
  readonly shortageTotals: { readonly count: number; readonly units: number; readonly revenueAtRisk: number };
  /** The planner's inputs the run planned with; absent on runs made before they existed. */
  readonly inputs?: {
    readonly frozenPeriods: number;
    readonly firmCommitments: number;
    readonly capacityEdits: number;
  };
}

export interface ProductionRow {
  readonly sku: string;
  readonly name: string;
  readonly family: string;
  readonly plant: string;
  readonly quantities: readonly number[];
}

export interface SkuStock {
  readonly sku: string;
  readonly name: string;
  readonly projected: readonly number[];
  readonly safetyStock: readonly number[];
  readonly target: readonly number[];
}

export interface SupplyReview {
  readonly run: SupplyRun;
  readonly summary: SupplyRunSummary | null;
  readonly issues: readonly ImportIssue[];
  readonly resourceNames: Readonly<Record<string, string>>;
  readonly production: readonly ProductionRow[];
  readonly inventory: readonly SkuStock[];
}
