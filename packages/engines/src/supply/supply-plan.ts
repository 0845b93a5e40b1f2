// The supply plan every method returns — optimiser, level or chase — so a planner can compare
// them line by line: quantities per SKU, location and period, capacity load, service, costs that
// add up to the objective, cash flow, and each shortfall with its cause.

import type { Money, PeriodKey } from "@fulcrum/domain";

/** `optimiser-by-family`: the LP on product families, disaggregated to SKUs (`plan-by-family.ts`). */
export type PlanMethod = "optimiser" | "optimiser-by-family" | "level" | "chase";

/** Every term of the objective, one kind each (see docs/supply-planning.md). */
export const COST_KINDS = [
  "material",
  "labour",
  "hiring-layoff",
  "overtime",
  "subcontract-expedite",
  "transport",
  "holding",
  "backlog",
  "lost-sales",
  "safety-stock-shortfall",
] as const;
export type CostKind = (typeof COST_KINDS)[number];
export type CostBreakdown = Readonly<Record<CostKind, Money>>;

/** Why demand went unmet in a period. */
export type ShortfallCause =
  /** A resource was loaded to its regular + overtime limit in a period feeding the demand. */
  | {
      readonly kind: "resource";
      readonly resource: string;
      readonly period: PeriodKey;
      /** Cost saved by one more hour (LP duals only), in minor units; null without duals. */
      readonly shadowPrice: number | null;
    }
  /** A supplier line was at its capacity (or could not deliver in time) in a feeding period. */
  | {
      readonly kind: "supplier";
      readonly supplier: string;
      readonly component: string;
      readonly period: PeriodKey;
      /** Cost saved by one more unit from this line (LP reduced cost); null without duals. */
      readonly shadowPrice: number | null;
    }
  /** No source can reach the location by then (lead times). */
  | { readonly kind: "lead-time" }
  /** Nothing bound: serving was dearer than the backlog or lost-sales penalty. */
  | { readonly kind: "cost" };

export interface Shortfall {
  readonly sku: string;
  readonly location: string;
  readonly segment: string;
  readonly period: PeriodKey;
  /** Demand of this period not served in it (new backlog, or lost). */
  readonly units: number;
  readonly causes: readonly ShortfallCause[];
}

export interface CashFlowPeriod {
  readonly period: PeriodKey;
  readonly receipts: Money;
  readonly materialPayments: Money;
  readonly labourPayments: Money;
  readonly overheadPayments: Money;
  readonly net: Money;
  readonly cumulative: Money;
}

export interface SupplyPlan {
  readonly method: PlanMethod;
  readonly periods: readonly PeriodKey[];
  readonly production: readonly {
    readonly sku: string;
    readonly plant: string;
    readonly made: readonly number[];
    readonly subcontracted: readonly number[];
  }[];
  /** Purchases by receipt period. */
  readonly purchases: readonly {
    readonly supplier: string;
    readonly component: string;
    readonly plant: string;
    readonly received: readonly number[];
  }[];
  /** Transfers by departure period; they arrive `leadTimePeriods` later. */
  readonly transfers: readonly {
    readonly sku: string;
    readonly from: string;
    readonly to: string;
    readonly leadTimePeriods: number;
    readonly departures: readonly number[];
  }[];
  readonly inventory: readonly {
    readonly sku: string;
    readonly location: string;
    readonly opening: number;
    /** Units already on order arriving in each period (fixed, not decided by the plan). */
    readonly scheduledReceipts: readonly number[];
    readonly closing: readonly number[];
    /** Closing units at standard cost. */
    readonly value: readonly Money[];
    /** Units below the safety-stock target, per period (zeros without a target). */
    readonly belowSafetyStock: readonly number[];
  }[];
  readonly capacity: readonly {
    readonly resource: string;
    readonly plant: string;
    /** Hours of work planned (regular + overtime). */
    readonly load: readonly number[];
    /** Regular hours available (headcount × hours per worker with a workforce). */
    readonly regularHours: readonly number[];
    readonly overtimeHours: readonly number[];
    /** Load ÷ regular hours, in percent (0 when no regular hours). */
    readonly utilisation: readonly number[];
    readonly workers: readonly number[] | null;
    readonly hires: readonly number[] | null;
    readonly layoffs: readonly number[] | null;
  }[];
  readonly service: readonly {
    readonly sku: string;
    readonly location: string;
    readonly segment: string;
    readonly demand: readonly number[];
    readonly served: readonly number[];
    /** Backlog at the end of each period (zeros for lost-sales segments). */
    readonly backlog: readonly number[];
    readonly lost: readonly number[];
    readonly revenue: readonly Money[];
    readonly lostRevenue: readonly Money[];
  }[];
  readonly costs: {
    readonly total: Money;
    readonly byKind: CostBreakdown;
    readonly byPeriod: readonly CostBreakdown[];
  };
  readonly cashFlow: readonly CashFlowPeriod[];
  /** Receipts and payments that fall after the horizon because of payment lags. */
  readonly cashAfterHorizon: { readonly receipts: Money; readonly payments: Money };
  readonly shortfalls: readonly Shortfall[];
}
