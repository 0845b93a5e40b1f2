// The bridge from a supply plan to its financial plan: what the plan serves, makes, buys and holds,
// priced with the problem's prices and the company's standard cost split, so the app can call
// `financialPlan(financialInputFromSupplyPlan(problem, plan, costs, options))`.

import type { Money, PeriodKey } from "@fulcrum/domain";
import type { SupplyPlan } from "../supply/supply-plan";
import type { SupplyProblem } from "../supply/supply-problem";
import type {
  FinancialPlanInput,
  FinancialSku,
  GroupBudget,
  GroupMarketSize,
  GroupPath,
  PurchaseLine,
  SalesLine,
  StandardCostSplit,
} from "./financial-plan-input";

/** A SKU's standard cost split; the SKUs not listed count their whole standard cost as material. */
export interface SkuStandardCost extends StandardCostSplit {
  readonly sku: string;
}

export interface FinancialInputOptions {
  /** Where each SKU rolls up, e.g. `(sku) => [brandOf(sku), familyOf(sku)]`. */
  readonly groupOf: (sku: string) => GroupPath;
  /**
   * Net price per unit after promotion discounts; defaults to the problem's price for the SKU and
   * segment (0 without one), which makes revenue equal the plan's `service[].revenue` to the cent.
   */
  readonly netPrice?: (sku: string, segment: string, period: PeriodKey) => Money;
  readonly openingReceivables?: Money;
  readonly openingPayables?: Money;
  readonly openingCash?: Money;
  readonly budgets?: readonly GroupBudget[];
  readonly marketSizes?: readonly GroupMarketSize[];
}

/**
 * The financial plan's input from a supply plan. Per SKU (the problem's items, in order):
 * - sales: one line per `plan.service` row (SKU, location, segment): units served at the net price;
 * - made: `production[].made` summed over plants;
 * - purchases, each on the SKU bought: supplier receipts × (unit cost + expedite premium) with the
 *   supplier's payment lag; subcontracted units × subcontract price, and made units × the
 *   production option's material cost, both with the problem's `payablesLagPeriods`
 *   (suppliers "subcontract@PLANT" and "material@PLANT"). Each line's value is rounded per period;
 * - inventory value: `inventory[].value` summed over locations.
 * A component's purchases and stock stay on the component's own row; `groupOf` decides where it
 * rolls up. Transport, holding, hiring and overtime premiums are not standard costs and stay in the
 * supply plan's own cost and cash views.
 */
export function financialInputFromSupplyPlan(
  problem: SupplyProblem,
  plan: SupplyPlan,
  costs: readonly SkuStandardCost[],
  options: FinancialInputOptions,
): FinancialPlanInput {
  const T = problem.periods.length;
  const zeros = () => Array.from({ length: T }, () => 0);
  const split = new Map(
    costs.map((c): [string, StandardCostSplit] => [
      c.sku,
      { material: c.material, labour: c.labour, overhead: c.overhead },
    ]),
  );
  const listPrice = new Map(problem.prices.map((p) => [`${p.sku}/${p.segment}`, p.price]));
  const lagOf = new Map(problem.suppliers.map((s) => [s.code, s.paymentLagPeriods]));
  const optionAt = new Map(problem.production.map((o) => [`${o.sku}@${o.plant}`, o]));
  const supplierItem = new Map(
    problem.supplierItems.map((i) => [`${i.supplier}/${i.component}@${i.plant}`, i]),
  );
  const price =
    options.netPrice ??
    ((sku: string, segment: string) => (listPrice.get(`${sku}/${segment}`) ?? 0) as Money);

  const rows = new Map<
    string,
    { made: number[]; sales: SalesLine[]; purchases: PurchaseLine[]; stock: number[] }
  >();
  const rowOf = (sku: string) => {
    let row = rows.get(sku);
    if (!row) {
      row = { made: zeros(), sales: [], purchases: [], stock: zeros() };
      rows.set(sku, row);
    }
    return row;
  };
  for (const item of problem.items) rowOf(item.sku);
  const valued = (units: readonly number[], unitCost: number) =>
    units.map((q) => Math.round(q * unitCost) as Money);

  for (const s of plan.service) {
    rowOf(s.sku).sales.push({
      segment: s.segment,
      // An LP can leave −1e-9 where it means 0.
      units: s.served.map((q) => Math.max(0, q)),
      netPrice: problem.periods.map((period) => price(s.sku, s.segment, period)),
    });
  }
  for (const p of plan.production) {
    const row = rowOf(p.sku);
    p.made.forEach((q, t) => {
      row.made[t]! += Math.max(0, q);
    });
    const option = optionAt.get(`${p.sku}@${p.plant}`);
    const lag = problem.payablesLagPeriods;
    if (option && option.materialCostPerUnit > 0 && p.made.some((q) => q > 0))
      row.purchases.push({
        supplier: `material@${p.plant}`,
        paymentLagPeriods: lag,
        value: valued(p.made, option.materialCostPerUnit),
      });
    if (option?.subcontract && p.subcontracted.some((q) => q > 0))
      row.purchases.push({
        supplier: `subcontract@${p.plant}`,
        paymentLagPeriods: lag,
        value: valued(p.subcontracted, option.subcontract.costPerUnit),
      });
  }
  for (const p of plan.purchases) {
    if (!p.received.some((q) => q > 0)) continue;
    const line = supplierItem.get(`${p.supplier}/${p.component}@${p.plant}`);
    rowOf(p.component).purchases.push({
      supplier: p.supplier,
      paymentLagPeriods: lagOf.get(p.supplier) ?? 0,
      value: valued(p.received, (line?.unitCost ?? 0) + (line?.expeditePremiumPerUnit ?? 0)),
    });
  }
  for (const inv of plan.inventory) {
    const row = rowOf(inv.sku);
    inv.value.forEach((v, t) => {
      row.stock[t]! += v;
    });
  }

  const standardCost = new Map(problem.items.map((i) => [i.sku, i.standardCost]));
  const skus = [...rows].map(
    ([sku, row]): FinancialSku => ({
      sku,
      group: options.groupOf(sku),
      standardCost: split.get(sku) ?? {
        material: standardCost.get(sku) ?? (0 as Money),
        labour: 0 as Money,
        overhead: 0 as Money,
      },
      sales: row.sales,
      made: row.made,
      purchases: row.purchases,
      inventoryValue: row.stock as Money[],
    }),
  );
  return {
    periods: problem.periods,
    skus,
    paymentTerms: problem.segments.map((s) => ({
      segment: s.code,
      receivablesLagPeriods: s.receivablesLagPeriods,
    })),
    ...(options.openingReceivables !== undefined && { openingReceivables: options.openingReceivables }),
    ...(options.openingPayables !== undefined && { openingPayables: options.openingPayables }),
    ...(options.openingCash !== undefined && { openingCash: options.openingCash }),
    ...(options.budgets && { budgets: options.budgets }),
    ...(options.marketSizes && { marketSizes: options.marketSizes }),
  };
}
