// What the financial plan is computed from: a unit plan (units sold, made, bought, held) with the
// prices, standard costs and payment terms that turn it into money. Every amount is Money in
// integer minor units; every per-period series has one value per planning period.

import type { Money, PeriodKey } from "@fulcrum/domain";

/**
 * A product-hierarchy path from the top, e.g. `["BEVERAGES", "JUICES"]`. The plan rolls up to every
 * prefix of it (brand, then family); the empty path `[]` is the company total.
 */
export type GroupPath = readonly string[];

/** Standard cost of one unit, split the way the gross margin is reported. */
export interface StandardCostSplit {
  readonly material: Money;
  readonly labour: Money;
  readonly overhead: Money;
}

/** Units of one SKU sold to one segment (one line per location is fine: lines add up). */
export interface SalesLine {
  readonly segment: string;
  /** Units sold per period (may be fractional when they come from an LP). */
  readonly units: readonly number[];
  /** Net price per unit per period, after any promotion discount. */
  readonly netPrice: readonly Money[];
}

/** Goods bought for a SKU (its material, or the finished unit from a subcontractor). */
export interface PurchaseLine {
  readonly supplier: string;
  /** Periods between receiving the goods and paying for them (0 = paid on receipt). */
  readonly paymentLagPeriods: number;
  /** Value received per period. */
  readonly value: readonly Money[];
}

export interface FinancialSku {
  readonly sku: string;
  /** Where the SKU rolls up (family, brand…); see `GroupPath`. */
  readonly group: GroupPath;
  readonly standardCost: StandardCostSplit;
  readonly sales: readonly SalesLine[];
  /** Units made per period: labour and overhead at standard cost are incurred and paid then. */
  readonly made: readonly number[];
  readonly purchases: readonly PurchaseLine[];
  /** Value of the SKU's closing inventory per period (all locations). */
  readonly inventoryValue: readonly Money[];
}

export interface PaymentTerms {
  readonly segment: string;
  /** Periods between a sale and receiving its cash (0 = cash in the period of sale). */
  readonly receivablesLagPeriods: number;
}

/** A budget for one group and period; either figure may be missing. */
export interface GroupBudget {
  readonly group: GroupPath;
  readonly period: PeriodKey;
  readonly units?: number;
  readonly revenue?: Money;
}

/** The market's size in units for one group and period (for market share). */
export interface GroupMarketSize {
  readonly group: GroupPath;
  readonly period: PeriodKey;
  readonly units: number;
}

export interface FinancialPlanInput {
  /** Consecutive planning periods, oldest first. */
  readonly periods: readonly PeriodKey[];
  readonly skus: readonly FinancialSku[];
  /** Payment terms of every segment the sales lines name. */
  readonly paymentTerms: readonly PaymentTerms[];
  /** Receivables at the start of the horizon, collected in the first period (total only). */
  readonly openingReceivables?: Money;
  /** Payables at the start of the horizon, paid in the first period (total only). */
  readonly openingPayables?: Money;
  /** Cash at the start, where the total's cumulative cash starts (0 when absent). */
  readonly openingCash?: Money;
  readonly budgets?: readonly GroupBudget[];
  readonly marketSizes?: readonly GroupMarketSize[];
}
