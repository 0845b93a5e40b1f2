// Kysely's view of the application tables. The entity tables are described by the catalogue in
// @fulcrum/domain and queried through entity-store.ts, so they are not repeated here.

import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CompanyTable {
  id: Generated<boolean>;
  name: string;
  currency_code: string;
  currency_minor_digits: number;
  bucket: "month" | "week";
  current_period: string;
  as_of: ColumnType<string, string, string>;
  demo: boolean;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  /** The supplier a user of the supplier role speaks for; null for every other role. */
  supplier_code: ColumnType<string | null, string | null | undefined, string | null>;
  disabled: Generated<boolean>;
  created_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ImportRunsTable {
  id: Generated<string>;
  entity: string;
  file_name: string;
  format: "csv" | "xlsx" | "generated";
  status: "imported" | "rejected";
  rows: number;
  inserted: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  issue_count: Generated<number>;
  issues: ColumnType<unknown, string | undefined, string>;
  user_id: number | null;
  started_at: Timestamp;
  finished_at: Timestamp;
}

export interface CyclesTable {
  period: string;
  stage: string;
  opened_at: Timestamp;
}

export interface CycleStageLogTable {
  id: Generated<string>;
  period: string;
  stage: string;
  approved_by: number;
  approved_at: Timestamp;
  comment: string | null;
  /** The approver's role at the time; null on rows written before migration 0014. */
  role: string | null;
}

/** The executive decision log of a cycle; edits are recorded in decision_changes. */
export interface DecisionsTable {
  id: Generated<number>;
  cycle_period: string;
  title: string;
  rationale: Generated<string>;
  owner_id: number;
  due_date: ColumnType<string | null, string | null | undefined, string | null>;
  /** open, done or dropped. */
  status: Generated<string>;
  scenario_id: number | null;
  created_by: number;
  created_at: Timestamp;
}

/**
 * A segment's share of ATP, kept for it until `cutoff_periods` before each period (migration 0016).
 * Append-only: the latest row per segment is in force.
 */
export interface AtpAllocationsTable {
  id: Generated<number>;
  segment: string;
  /** numeric(5,4): read as a string by pg. */
  share: ColumnType<string, number | string, number | string>;
  cutoff_periods: number;
  set_by: number;
  set_at: Timestamp;
}

/** What sales promised a customer against the committed plan. */
export interface PromisesTable {
  id: Generated<number>;
  sku: string;
  location: string;
  segment: string;
  customer: string | null;
  quantity: number;
  requested_period: string;
  /** full, partial, later or none. */
  kind: string;
  committed_plan_id: number;
  /** accepted or cancelled. */
  status: Generated<string>;
  created_by: number;
  created_at: Timestamp;
  /** Who cancelled it, when and why (all set together, once; migration 0021). */
  cancelled_by: ColumnType<number | null, number | null | undefined, number | null>;
  cancelled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  cancel_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One delivery period of a promise; append-only. */
export interface PromiseLinesTable {
  promise_id: number;
  period: string;
  quantity: number;
  /** atp: from available-to-promise; ctp: to be made from spare capacity and material. */
  source: ColumnType<string, string | undefined, never>;
}

/** Hours of a resource or units of a component a capable-to-promise promise holds; append-only. */
export interface PromiseReservationsTable {
  promise_id: number;
  /** capacity (hours of resource `code`) or material (units of component `code`). */
  kind: string;
  code: string;
  /** The plant. */
  location: string;
  period: string;
  quantity: number;
}

/** A message for one user in the app, e.g. a promise the committed plan no longer meets. */
export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  /** promise_at_risk. */
  kind: string;
  promise_id: number;
  committed_plan_id: number;
  message: string;
  created_at: Timestamp;
  read_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** One field of one decision changed: old → new, as text (dates ISO, owner a username). */
export interface DecisionChangesTable {
  id: Generated<string>;
  decision_id: number;
  field: string;
  old_value: string | null;
  new_value: string | null;
  changed_by: number;
  changed_at: Timestamp;
}

export interface ScenariosTable {
  id: Generated<number>;
  name: string;
  description: Generated<string>;
  parent_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
  deleted_at: Timestamp | null;
  deleted_by: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface PlanVersionsTable {
  id: Generated<number>;
  scenario_id: number;
  kind: "demand" | "supply" | "inventory";
  number: number;
  label: Generated<string>;
  status: Generated<"draft" | "approved" | "committed">;
  based_on: number | null;
  cycle_period: string | null;
  created_by: number | null;
  created_at: Timestamp;
  approved_by: number | null;
  approved_at: Timestamp | null;
  /** Copy-on-write: this version holds only the cells that differ from this one (`plan_cells`). */
  overlay_of: ColumnType<number | null, number | null | undefined, number | null>;
}

/** One measure of one SKU × location × segment in a version: its periods (in order) and values. */
export interface PlanSeriesTable {
  version_id: number;
  measure: string;
  sku: string;
  location: string | null;
  segment: string | null;
  periods: string[];
  cell_values: number[];
}

/** A view over plan_series: one row per cell. */
export interface PlanValuesTable {
  version_id: number;
  measure: string;
  sku: string;
  location: string | null;
  segment: string | null;
  period: string;
  value: number;
}

/** The audit: one row per series a write changed, the cells as parallel arrays. */
export interface PlanChangeSetsTable {
  id: Generated<string>;
  version_id: number;
  measure: string;
  sku: string;
  location: string | null;
  segment: string | null;
  periods: string[];
  old_values: (number | null)[];
  new_values: (number | null)[];
  reverts: (string | null)[] | null;
  reason: string;
  comment: Generated<string>;
  changed_by: number;
  changed_at: Timestamp;
  edit_id: string | null;
}

/** A view over plan_change_sets: one row per changed cell; its id is the set's id × 1024 plus its place. */
export interface PlanChangesTable {
  id: Generated<string>;
  set_id: Generated<string>;
  version_id: number;
  measure: string;
  sku: string;
  location: string | null;
  segment: string | null;
  period: string;
  old_value: number | null;
  new_value: number | null;
  reason: string;
  comment: Generated<string>;
  reverts: string | null;
  changed_by: number;
  changed_at: Timestamp;
  /** The hierarchy edit the change belongs to; null for a change made cell by cell. */
  edit_id: Generated<string | null>;
}

export interface PlanEditsTable {
  id: Generated<string>;
  version_id: number;
  measure: string;
  node_kind: "all" | "group" | "item";
  node_code: string | null;
  first_period: string;
  last_period: string;
  kind: "total" | "delta" | "percent" | "revenue" | "consensus" | "undo" | "promotion" | "transition";
  amount: number | null;
  basis: string | null;
  reason: string;
  comment: Generated<string>;
  undoes: string | null;
  cells: number;
  edited_by: number;
  edited_at: Timestamp;
}

/** One entry of the supply planner's input log; the newest per (scenario, kind, subject, period) is in force. */
export interface SupplyInputChangesTable {
  id: Generated<string>;
  scenario_id: number;
  kind: "firm_production" | "regular_hours" | "overtime_hours" | "frozen_periods";
  /** "SKU@PLANT" for firm production, the resource for hours, "" for the frozen horizon. */
  subject: string;
  /** "" for the frozen horizon. */
  period: string;
  old_value: number | null;
  /** null withdraws the input (the calendar, or no commitment, applies again). */
  new_value: number | null;
  reason: string;
  comment: Generated<string>;
  reverts: string | null;
  changed_by: number;
  changed_at: Timestamp;
}

/** The demand plan as approved in a cycle; its values are in demand_snapshot_values. */
export interface DemandSnapshotsTable {
  id: Generated<number>;
  cycle_period: string;
  version_id: number;
  taken_by: number | null;
  taken_at: Timestamp;
}

export interface DemandSnapshotValuesTable {
  snapshot_id: number;
  layer: "statistical" | "sales" | "marketing" | "product" | "consensus";
  sku: string;
  period: string;
  value: number;
  /** Who last changed the cell in its layer; null when nobody did. */
  editor: number | null;
}

export interface PlanLocksTable {
  version_id: number;
  measure: string;
  sku: string;
  period: string;
  locked_by: number;
  locked_at: Timestamp;
}

/** A comment on a place in the plan; append-only (migration 0011). */
export interface CommentsTable {
  id: Generated<string>;
  version_id: number | null;
  node_kind: "all" | "group" | "item";
  node_code: string | null;
  period: string | null;
  measure: string | null;
  body: string;
  author_id: number;
  created_at: Timestamp;
  parent_id: string | null;
}

/** A user mentioned in a comment; only read_at may change, once. */
export interface CommentMentionsTable {
  comment_id: string;
  user_id: number;
  read_at: ColumnType<Date | null, Date | string | null | undefined, Date | string>;
}

export interface ForecastRunsTable {
  id: Generated<number>;
  version_id: number;
  first_period: string;
  horizon: number;
  series: number;
  requested_by: number | null;
  started_at: Timestamp;
  /** Null while the run is going. */
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** sku, sku-location or sku-segment. */
  level: ColumnType<string, string | undefined, string>;
  /** running, finished or failed; `done` of `total` series are forecast so far. */
  status: ColumnType<string, string | undefined, string>;
  done: Generated<number>;
  total: Generated<number>;
  job_id: string | null;
  error: string | null;
  /** How the levels were made to add up: mint-shrink, or bottom-up when too short to estimate. */
  reconciliation: string | null;
  /** MinT-shrink's shrinkage intensity λ. */
  shrinkage: number | null;
}

export interface SupplyRunsTable {
  id: Generated<number>;
  scenario_id: number;
  demand_version_id: number | null;
  /** The supply version the run wrote; null until stored, and for failed runs. */
  version_id: number | null;
  /** optimal, level or chase. */
  strategy: string;
  first_period: string;
  horizon: number;
  time_limit_seconds: number;
  /** running, finished or failed. */
  status: string;
  /** assembling, solving, storing or done. */
  phase: string;
  /** How planning ended: optimal, time-limit, heuristic, infeasible, invalid, unbounded or error. */
  outcome: string | null;
  /** Total plan cost in minor units (bigint: read as a string). */
  total_cost: ColumnType<string | null, number | null | undefined, number | null>;
  summary: ColumnType<unknown, string | null | undefined, string | null>;
  error: string | null;
  /** Bad-data issues (entity, key, message) when the data could not be planned. */
  issues: ColumnType<unknown, string | null | undefined, string | null>;
  job_id: string | null;
  requested_by: number | null;
  started_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A forecast above the forecast level: the company ("all", code "*"), a product group, or a SKU. */
export interface ForecastNodesTable {
  run_id: number;
  kind: string;
  code: string;
  method: string;
  model: string;
  demand_class: string;
  scoreboard: ColumnType<unknown, string, string>;
  notes: ColumnType<unknown, string, string>;
  /** First month `fitted` is aligned to. */
  history_start: string;
  fitted: ColumnType<(number | null)[], string, string>;
  /** Reconciled median and the node's own band around it, one value per forecast month. */
  p10: number[];
  p50: number[];
  p90: number[];
}

export interface ForecastModelsTable {
  run_id: number;
  sku: string;
  method: string;
  model: string;
  demand_class: string;
  scoreboard: ColumnType<unknown, string, string>;
  notes: ColumnType<unknown, string, string>;
  location: string | null;
  segment: string | null;
  /** First month of the series' history, which `fitted` is aligned to. */
  history_start: string | null;
  fitted: ColumnType<(number | null)[], string, string>;
  backtest_mae: number | null;
  backtest_rmse: number | null;
  backtest_bias: number | null;
  backtest_mase: number | null;
  /** Mean monthly demand over the series' history: the weight of its accuracy in a group. */
  mean_demand: number | null;
  /** History periods replaced before fitting: period, original, cleansed, reason. */
  cleansing: ColumnType<CleansedPeriod[], string | undefined, string>;
}

export interface CleansedPeriod {
  period: string;
  original: number;
  cleansed: number;
  reason: "outlier" | "promotion";
}

/** A run's purchases per supplier line: what the plan asks each supplier to deliver when. */
export interface SupplyRequirementsTable {
  run_id: number;
  supplier: string;
  sku: string;
  plant: string;
  /** Receipt period. */
  period: string;
  quantity: number;
  /** When the order must be placed: the period less the lead time the run planned with. */
  order_period: string;
}

/** A supplier's answer for one SKU and period; append-only, the latest per key is in force. */
export interface SupplierResponsesTable {
  id: Generated<string>;
  supplier: string;
  sku: string;
  period: string;
  requested_quantity: number;
  confirmed_capacity: number;
  confirmed_lead_time_days: number;
  /** confirmed or counter. */
  status: string;
  comment: Generated<string>;
  run_id: number | null;
  version_id: number | null;
  responded_by: number;
  responded_at: Timestamp;
}

/** The supplier responses a supply run planned with. */
export interface SupplyRunResponsesTable {
  run_id: number;
  response_id: string;
}

export type ScenarioChangeKind =
  | "demand"
  | "promotion"
  | "price"
  | "launch"
  | "capacity"
  | "supplier"
  | "inventory_target"
  | "cost";

export interface ScenarioChangesTable {
  id: Generated<string>;
  scenario_id: number;
  kind: ScenarioChangeKind;
  spec: unknown;
  summary: string;
  reason: string;
  comment: Generated<string>;
  created_by: number;
  created_at: Timestamp;
  withdrawn_by: ColumnType<number | null, number | null | undefined, number | null>;
  withdrawn_at: Timestamp | null;
}

export interface ScenarioRunsTable {
  id: Generated<number>;
  scenario_id: number;
  phase: "demand" | "supply" | "finance" | "done";
  status: "running" | "finished" | "failed";
  demand_version_id: number | null;
  supply_run_id: number | null;
  change_ids: string[];
  finance: unknown | null;
  stored_cells: number | null;
  error: string | null;
  job_id: string | null;
  requested_by: number | null;
  started_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface CommittedPlansTable {
  id: Generated<number>;
  cycle_period: string;
  scenario_id: number;
  supply_run_id: number;
  scenario_run_id: number | null;
  demand_version_id: number;
  supply_version_id: number;
  finance: unknown;
  supply_summary: unknown;
  rationale: string;
  committed_by: number;
  committed_at: Timestamp;
}

/** A KPI's target for a scope, append-only: the newest row per (kpi, scope) is in force. */
export interface KpiTargetsTable {
  id: Generated<number>;
  kpi: string;
  scope: ColumnType<string, string | undefined, string>;
  target: number;
  note: ColumnType<string, string | undefined, string>;
  set_by: number;
  set_at: Timestamp;
}

/** Who acknowledged a monitoring exception (by its key) and what was done; append-only. */
export interface ExceptionAcknowledgementsTable {
  id: Generated<number>;
  exception_key: string;
  cycle_period: string;
  status: ColumnType<string, string | undefined, string>;
  action: string;
  acknowledged_by: number;
  acknowledged_at: Timestamp;
}

export interface Schema {
  forecast_runs: ForecastRunsTable;
  forecast_models: ForecastModelsTable;
  forecast_nodes: ForecastNodesTable;
  supply_runs: SupplyRunsTable;
  supply_requirements: SupplyRequirementsTable;
  supplier_responses: SupplierResponsesTable;
  supply_run_responses: SupplyRunResponsesTable;
  company: CompanyTable;
  users: UsersTable;
  sessions: SessionsTable;
  import_runs: ImportRunsTable;
  cycles: CyclesTable;
  cycle_stage_log: CycleStageLogTable;
  scenarios: ScenariosTable;
  plan_versions: PlanVersionsTable;
  scenario_changes: ScenarioChangesTable;
  scenario_runs: ScenarioRunsTable;
  committed_plans: CommittedPlansTable;
  plan_values: PlanValuesTable;
  plan_changes: PlanChangesTable;
  plan_series: PlanSeriesTable;
  plan_change_sets: PlanChangeSetsTable;
  plan_edits: PlanEditsTable;
  plan_locks: PlanLocksTable;
  supply_input_changes: SupplyInputChangesTable;
  demand_snapshots: DemandSnapshotsTable;
  demand_snapshot_values: DemandSnapshotValuesTable;
  comments: CommentsTable;
  comment_mentions: CommentMentionsTable;
  decisions: DecisionsTable;
  decision_changes: DecisionChangesTable;
  atp_allocations: AtpAllocationsTable;
  promises: PromisesTable;
  promise_lines: PromiseLinesTable;
  promise_reservations: PromiseReservationsTable;
  notifications: NotificationsTable;
  kpi_targets: KpiTargetsTable;
  exception_acknowledgements: ExceptionAcknowledgementsTable;
}
