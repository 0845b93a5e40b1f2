// The supply-planning engine's input, in domain terms: the network (plants, DCs, lanes), what can
// be made where and on which resources, what is bought from whom, demand per segment, and every
// price and cost in integer minor units of money. Floating cost coefficients exist only inside
// the model the builder makes from this.

import type { Money, PeriodKey } from "@fulcrum/domain";

export type LocationKind = "plant" | "dc";

export interface SupplyLocation {
  readonly code: string;
  readonly kind: LocationKind;
}

export interface SupplyItem {
  readonly sku: string;
  /** Standard cost per unit: values inventory and defaults nothing else. */
  readonly standardCost: Money;
  /** Cost of holding one unit for one period (capital, storage, obsolescence). */
  readonly holdingCostPerPeriod: Money;
}

/** A SKU that can be made at a plant. Capacity comes from its routings. */
export interface ProductionOption {
  readonly sku: string;
  readonly plant: string;
  /** Variable cost per unit not modelled through the BOM (materials bought outside the plan). */
  readonly materialCostPerUnit: Money;
  /** When set, a period's production is either 0 or at least this many units (a MIP). */
  readonly minimumBatch?: number;
  /** Buying the finished unit from a subcontractor instead, at this price per unit. */
  readonly subcontract?: { readonly costPerUnit: Money; readonly maxPerPeriod: number };
}

/** Hours of a resource one unit of a SKU takes at a plant. */
export interface Routing {
  readonly sku: string;
  readonly plant: string;
  readonly resource: string;
  readonly hoursPerUnit: number;
}

/** A workforce whose size is a decision: regular hours and overtime scale with the headcount. */
export interface Workforce {
  readonly openingWorkers: number;
  readonly regularHoursPerWorker: number;
  readonly maxOvertimeHoursPerWorker: number;
  /** Wage per worker and period, paid whether or not the hours are used. */
  readonly costPerWorkerPeriod: Money;
  readonly hireCost: Money;
  readonly layoffCost: Money;
  /** Whole workers only (makes the model a MIP). */
  readonly integer: boolean;
}

export interface SupplyResource {
  readonly code: string;
  readonly plant: string;
  /** Regular hours per period, one per planning period (ignored with a workforce). */
  readonly regularHours: readonly number[];
  /** Cost per regular hour used (0 when labour is a fixed cost). */
  readonly regularCostPerHour: Money;
  /** Overtime hours allowed per period, one per planning period (ignored with a workforce). */
  readonly maxOvertimeHours: readonly number[];
  readonly overtimeCostPerHour: Money;
  readonly workforce?: Workforce;
}

export interface BomLine {
  readonly parent: string;
  readonly component: string;
  /** Units of component per unit of parent. */
  readonly quantityPer: number;
}

export interface SupplierItem {
  readonly supplier: string;
  readonly component: string;
  /** The plant the component is delivered to. */
  readonly plant: string;
  readonly unitCost: Money;
  /** Periods between ordering and receipt. */
  readonly leadTimePeriods: number;
  /** Units the supplier can ship per period; Infinity when unlimited. */
  readonly capacityPerPeriod: number;
  /**
   * The supplier's confirmed capacity for receipts in each planning period (one per period),
   * overriding `capacityPerPeriod`; Infinity where unlimited. See `supplierCapacityAt`.
   */
  readonly capacityByPeriod?: readonly number[];
  /**
   * The lead time quoted for receipts in each planning period (one per period, whole periods),
   * overriding `leadTimePeriods`: a receipt in t needs an order in t − leadTimeByPeriod[t] ≥ 0.
   */
  readonly leadTimeByPeriod?: readonly number[];
  /** Extra cost per unit over `unitCost` when this line is an expedited (faster) source. */
  readonly expeditePremiumPerUnit?: Money;
}

export interface Supplier {
  readonly code: string;
  /** Periods between receiving goods and paying for them. */
  readonly paymentLagPeriods: number;
}

/** A transport lane from a plant to a DC. */
export interface Lane {
  readonly from: string;
  readonly to: string;
  readonly leadTimePeriods: number;
  readonly costPerUnit: Money;
}

export type ShortagePolicy =
  /** Unmet demand waits and is served later, at a cost per unit and period of waiting. */
  | { readonly kind: "backlog"; readonly costPerUnitPeriod: Money }
  /** Unmet demand is lost: the penalty per unit is the price (see docs/supply-planning.md). */
  | { readonly kind: "lost-sales"; readonly goodwillPerUnit: Money };

export interface Segment {
  readonly code: string;
  readonly shortage: ShortagePolicy;
  /** Periods between a sale and receiving its cash. */
  readonly receivablesLagPeriods: number;
}

export interface Demand {
  readonly sku: string;
  readonly location: string;
  readonly segment: string;
  readonly period: PeriodKey;
  readonly quantity: number;
}

export interface Price {
  readonly sku: string;
  readonly segment: string;
  readonly price: Money;
}

export interface StockQuantity {
  readonly sku: string;
  readonly location: string;
  readonly quantity: number;
}

/**
 * Material already on order — an open purchase-order line — due at a location in a period. It is
 * a fixed inflow there (due before the horizon → its first period), already paid for.
 */
export interface ScheduledReceipt {
  readonly sku: string;
  readonly location: string;
  readonly period: PeriodKey;
  readonly quantity: number;
}

/** Safety-stock target per period (from `inventory/`): soft, short units cost a penalty. */
export interface SafetyStockTarget {
  readonly sku: string;
  readonly location: string;
  /** One target per planning period. */
  readonly quantities: readonly number[];
  readonly shortfallPenaltyPerUnitPeriod: Money;
}

export interface FirmProduction {
  readonly sku: string;
  readonly plant: string;
  readonly period: PeriodKey;
  readonly quantity: number;
}

export interface SupplyProblem {
  /** Consecutive planning periods, oldest first (12–24 months typically). */
  readonly periods: readonly PeriodKey[];
  readonly locations: readonly SupplyLocation[];
  readonly items: readonly SupplyItem[];
  readonly production: readonly ProductionOption[];
  readonly routings: readonly Routing[];
  readonly resources: readonly SupplyResource[];
  readonly bom: readonly BomLine[];
  readonly suppliers: readonly Supplier[];
  readonly supplierItems: readonly SupplierItem[];
  readonly lanes: readonly Lane[];
  readonly segments: readonly Segment[];
  readonly demand: readonly Demand[];
  readonly prices: readonly Price[];
  readonly openingInventory: readonly StockQuantity[];
  /** Open orders still to arrive (absent = none): fixed inflows, with no purchase cost. */
  readonly scheduledReceipts?: readonly ScheduledReceipt[];
  /** Hard minimum inventory at the end of the horizon (e.g. a closing stock policy). */
  readonly closingInventory: readonly StockQuantity[];
  readonly safetyStock: readonly SafetyStockTarget[];
  readonly firmProduction: readonly FirmProduction[];
  /** The first this many periods are frozen: production there is exactly the firm commitments. */
  readonly frozenPeriods: number;
  /** Whether backlog may remain at the end of the horizon. */
  readonly backlogAtHorizonEnd: "allowed" | "forbidden";
  /** Periods between incurring subcontract, expedite and transport costs and paying them. */
  readonly payablesLagPeriods: number;
}
