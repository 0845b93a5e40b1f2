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
