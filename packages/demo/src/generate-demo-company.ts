// Generates the demo company: an ordered pipeline from the product range to the rows of every
// entity in the catalogue.

import { ENTITIES, type ImportRow } from "@fulcrum/domain";
import { costActualRows, supplierReceiptRows } from "./actuals";
import { buildAssortment } from "./assortment";
import { budgetAndMarketRows } from "./budgets";
import { makeCalendar } from "./calendar";
import { scaleOf } from "./company-model";
import { standardCostRows } from "./costing";
import { buildCustomers } from "./customers";
import { buildDemandModel } from "./demand-model";
import type { DemoCompany, DemoOptions } from "./demo-options";
import { inventoryRows } from "./inventory";
import { productTransitionRows } from "./lifecycle";
import { buildListings } from "./listing";
import {
  bomRows,
  customerRows,
  itemRows,
  locationRows,
  productGroupRows,
  segmentRows,
  unitRows,
} from "./master-rows";
import { explodeUse } from "./material-use";
import { buildMaterials } from "./materials";
import { generateOpenOrders } from "./open-orders";
import { generateSalesHistory } from "./order-lines";
import { buildPriceBook, priceRows } from "./price-book";
import { productionActualRows } from "./production-actuals";
import { planPromotions, promotionRows, promotionsBySku } from "./promotions";
import { buildResources, resourceCapacityRows, resourceRows } from "./resources";
import { planRoutings, routingRows } from "./routings";
import { serviceLevelRows } from "./service-levels";
import { supplierItemRows, supplierRows } from "./suppliers";

/**
 * Builds a deterministic demo company: the same options always give the same rows. Throws a
 * RangeError for options it cannot honour (fewer than 10 SKUs, fewer than 13 history months, an
 * asOf that is not a date).
 */
export function generateDemoCompany(options: DemoOptions): DemoCompany {
  const { seed, skuCount, historyMonths, asOf } = options;
  if (!Number.isInteger(skuCount) || skuCount < 10)
    throw new RangeError(`skuCount must be a whole number ≥ 10, got ${skuCount}`);
  if (!Number.isInteger(historyMonths) || historyMonths < 13 || historyMonths > 120) {
    throw new RangeError(`historyMonths must be a whole number from 13 to 120, got ${historyMonths}`);
  }
  const calendar = makeCalendar(asOf, historyMonths);
  const scale = scaleOf(skuCount);
  const { brands, families, skus } = buildAssortment(seed, skuCount, scale, options.m1.length > 0);
  const customers = buildCustomers(seed, scale);
  const listings = buildListings(seed, skus, customers);
  const demand = buildDemandModel(seed, skus, historyMonths, calendar.history[0]!.month, options.m1);
  const promotions = planPromotions(seed, families, skus, calendar);
  const prices = buildPriceBook(seed, skus, calendar);
  const salesInputs = {
    seed,
    calendar,
    skus,
    customers,
    listings,
    demand,
    promotions: promotionsBySku(promotions, skus),
    prices,
  };
  const sales = generateSalesHistory(salesInputs);
  const openOrders = generateOpenOrders({ ...salesInputs, firstOrderNumber: sales.nextOrderNumber });
  const materials = buildMaterials(skus);
  const resources = buildResources(scale);
  const operations = planRoutings(seed, skus, materials, resources, calendar, sales.delivered);
  const use = explodeUse(skus, materials, sales.delivered, historyMonths);

  const stock = inventoryRows(seed, skus, materials, use, sales.delivered, sales.recentByDc, calendar);
  const standardCosts = standardCostRows(skus, materials, operations, calendar, prices.increaseDay);
  const plans = budgetAndMarketRows(seed, families, skus, sales.delivered, prices, calendar);
  const rows: Record<string, ImportRow[]> = {
    units_of_measure: unitRows(),
    product_groups: productGroupRows(brands, families),
    items: itemRows(skus, materials),
    locations: locationRows(),
    segments: segmentRows(),
    customers: customerRows(customers),
    sales_history: sales.rows,
    open_orders: openOrders,
    inventory: stock.rows,
    production_actuals: productionActualRows(skus, sales.delivered, stock.finished, calendar),
    prices: priceRows(skus, prices, calendar),
    standard_costs: standardCosts,
    promotions: promotionRows(promotions, calendar),
    budgets: plans.budgets,
    market_sizes: plans.marketSizes,
    product_transitions: productTransitionRows(skus, calendar),
    resources: resourceRows(resources),
    resource_capacity: resourceCapacityRows(resources, calendar),
    routings: routingRows(operations),
    bom: bomRows(materials),
    suppliers: supplierRows(),
    supplier_items: supplierItemRows(seed, materials.raws, use.monthly),
    service_level_targets: serviceLevelRows(skus, use.finished),
    supplier_receipts: supplierReceiptRows(
      seed,
      materials.raws,
      use.monthly,
      plantsOf(standardCosts),
      calendar,
    ),
    cost_actuals: costActualRows(seed, skus, latestUnitCost(standardCosts), calendar),
  };
  const missing = ENTITIES.filter((e) => !(e.name in rows)).map((e) => e.name);
  if (missing.length > 0) throw new Error(`the demo generator has no rows for ${missing.join(", ")}`);
  return {
    company: {
      name: `${brands[0]!.name} Beverages`,
      currency: { code: "EUR", minorDigits: 2 },
      bucket: "month",
      currentPeriod: calendar.currentPeriod,
      asOf,
    },
    rows: Object.fromEntries(ENTITIES.map((e) => [e.name, rows[e.name]!])),
  };
}

/** The plants each item has a standard cost at: where it is made or used. */
function plantsOf(standardCosts: readonly ImportRow[]): Map<string, string[]> {
  const plants = new Map<string, string[]>();
  for (const row of standardCosts) {
    const list = plants.get(row.sku as string) ?? [];
    if (!list.includes(row.location as string)) list.push(row.location as string);
    plants.set(row.sku as string, list);
  }
  return plants;
}

/** Each item's total unit cost in cents under its newest standard cost. */
function latestUnitCost(standardCosts: readonly ImportRow[]): Map<string, number> {
  const cost = new Map<string, number>();
  for (const row of standardCosts)
    if (row.valid_to === null)
      cost.set(
        row.sku as string,
        (row.material_cost as number) + (row.labour_cost as number) + (row.overhead_cost as number),
      );
  return cost;
}
