// Bad supply data is reported as issues that name the offending record — never thrown, never
// turned into NaN costs or an infeasible model nobody can explain.

import { periodsBetween } from "@fulcrum/domain";
import { bomOrder, stockKey } from "./network";
import type { SupplyProblem } from "./supply-problem";

export interface SupplyIssue {
  /** The list the record is in, e.g. "demand", "routings". */
  readonly entity: string;
  /** The record's key, e.g. "SKU-12@DC-1/retail/2026-03". */
  readonly key: string;
  readonly message: string;
}

/** Issues that make the problem unplannable; empty when it can be modelled. */
export function validateSupplyProblem(problem: SupplyProblem): SupplyIssue[] {
  const issues: SupplyIssue[] = [];
  const issue = (entity: string, key: string, message: string) => {
    issues.push({ entity, key, message });
  };
  const T = problem.periods.length;
  const horizon = new Set<string>(problem.periods);
  const items = new Set(problem.items.map((i) => i.sku));
  const locations = new Map(problem.locations.map((l) => [l.code, l.kind]));
  const segments = new Set(problem.segments.map((s) => s.code));
  const resources = new Map(problem.resources.map((r) => [r.code, r]));
  const options = new Set(problem.production.map((o) => stockKey(o.sku, o.plant)));
  const quantity = (entity: string, key: string, name: string, value: number) => {
    if (!Number.isFinite(value) || value < 0)
      issue(entity, key, `${name} is ${value}, not a non-negative number`);
  };
  const money = (entity: string, key: string, name: string, value: number) => {
    if (!Number.isSafeInteger(value) || value < 0)
      issue(entity, key, `${name} is ${value}, not a non-negative amount in minor units`);
  };
  const leadTime = (entity: string, key: string, value: number) => {
    if (!Number.isInteger(value) || value < 0)
      issue(entity, key, `lead time is ${value}, not a whole number of periods ≥ 0`);
  };
  const series = (entity: string, key: string, name: string, values: readonly number[]) => {
    if (values.length !== T) issue(entity, key, `${name} has ${values.length} values for ${T} periods`);
    for (const [t, v] of values.entries()) {
      quantity(entity, key, `${name} in ${problem.periods[t] ?? `period ${t + 1}`}`, v);
    }
  };
  const known = (
    entity: string,
    key: string,
    what: string,
    set: { has(k: string): boolean },
    value: string,
  ) => {
    if (!set.has(value)) issue(entity, key, `unknown ${what} "${value}"`);
  };

  if (T === 0) issue("periods", "", "the horizon has no periods");
  problem.periods.forEach((p, t) => {
    if (t > 0 && periodsBetween(problem.periods[t - 1]!, p) !== 1)
      issue("periods", p, "periods are not consecutive");
  });
  if (!Number.isInteger(problem.frozenPeriods) || problem.frozenPeriods < 0 || problem.frozenPeriods > T)
    issue("frozenPeriods", "", `frozen periods is ${problem.frozenPeriods}, not between 0 and ${T}`);

  for (const i of problem.items) {
    money("items", i.sku, "standard cost", i.standardCost);
    money("items", i.sku, "holding cost", i.holdingCostPerPeriod);
  }
  for (const o of problem.production) {
    const key = stockKey(o.sku, o.plant);
    known("production", key, "SKU", items, o.sku);
    if (locations.get(o.plant) !== "plant") issue("production", key, `"${o.plant}" is not a plant`);
    money("production", key, "material cost", o.materialCostPerUnit);
    if (o.subcontract) {
      money("production", key, "subcontract cost", o.subcontract.costPerUnit);
      if (!(o.subcontract.maxPerPeriod >= 0))
        issue("production", key, `subcontract limit is ${o.subcontract.maxPerPeriod}, not ≥ 0`);
    }
    if (o.minimumBatch !== undefined) quantity("production", key, "minimum batch", o.minimumBatch);
  }
  for (const r of problem.routings) {
    const key = `${stockKey(r.sku, r.plant)}/${r.resource}`;
    known("routings", key, "production option", options, stockKey(r.sku, r.plant));
    known("routings", key, "resource", resources, r.resource);
    if (!(Number.isFinite(r.hoursPerUnit) && r.hoursPerUnit > 0))
      issue("routings", key, `hours per unit is ${r.hoursPerUnit}, not positive`);
  }
  for (const r of problem.resources) {
    if (locations.get(r.plant) !== "plant") issue("resources", r.code, `"${r.plant}" is not a plant`);
    money("resources", r.code, "regular cost per hour", r.regularCostPerHour);
    money("resources", r.code, "overtime cost per hour", r.overtimeCostPerHour);
    if (r.workforce) {
      const w = r.workforce;
      for (const [name, v] of Object.entries({
        openingWorkers: w.openingWorkers,
        regularHoursPerWorker: w.regularHoursPerWorker,
        maxOvertimeHoursPerWorker: w.maxOvertimeHoursPerWorker,
      }))
        quantity("resources", r.code, name, v);
      for (const [name, v] of Object.entries({
        costPerWorkerPeriod: w.costPerWorkerPeriod,
        hireCost: w.hireCost,
        layoffCost: w.layoffCost,
      }))
        money("resources", r.code, name, v);
    } else {
      series("resources", r.code, "regular hours", r.regularHours);
      series("resources", r.code, "overtime hours", r.maxOvertimeHours);
    }
  }
  for (const b of problem.bom) {
    const key = `${b.parent}>${b.component}`;
    known("bom", key, "SKU", items, b.parent);
    known("bom", key, "SKU", items, b.component);
    if (!(Number.isFinite(b.quantityPer) && b.quantityPer > 0))
      issue("bom", key, `quantity per is ${b.quantityPer}, not positive`);
  }
  const ordered = new Set(bomOrder(problem));
  const inCycle = [...new Set(problem.bom.flatMap((b) => [b.parent, b.component]))].filter(
    (s) => !ordered.has(s),
  );
  if (inCycle.length > 0)
    issue("bom", inCycle.join(", "), `the BOM has a cycle through ${inCycle.join(", ")}`);

  const suppliers = new Set(problem.suppliers.map((s) => s.code));
  for (const s of problem.suppliers) leadTime("suppliers", s.code, s.paymentLagPeriods);
  for (const s of problem.supplierItems) {
    const key = `${s.supplier}/${stockKey(s.component, s.plant)}`;
    known("supplierItems", key, "supplier", suppliers, s.supplier);
    known("supplierItems", key, "SKU", items, s.component);
    if (locations.get(s.plant) !== "plant") issue("supplierItems", key, `"${s.plant}" is not a plant`);
    leadTime("supplierItems", key, s.leadTimePeriods);
    money("supplierItems", key, "unit cost", s.unitCost);
    if (s.expeditePremiumPerUnit !== undefined)
      money("supplierItems", key, "expedite premium", s.expeditePremiumPerUnit);
    if (!(s.capacityPerPeriod >= 0))
      issue("supplierItems", key, `capacity is ${s.capacityPerPeriod}, not ≥ 0`);
    if (s.capacityByPeriod) {
      if (s.capacityByPeriod.length !== T)
        issue(
          "supplierItems",
          key,
          `capacity by period has ${s.capacityByPeriod.length} values for ${T} periods`,
        );
      // Infinity is allowed: an unlimited line stays unlimited in periods it confirmed nothing for.
      s.capacityByPeriod.forEach((c, t) => {
        if (!(c >= 0))
          issue(
            "supplierItems",
            key,
            `capacity in ${problem.periods[t] ?? `period ${t + 1}`} is ${c}, not ≥ 0`,
          );
      });
    }
    if (s.leadTimeByPeriod) {
      if (s.leadTimeByPeriod.length !== T)
        issue(
          "supplierItems",
          key,
          `lead time by period has ${s.leadTimeByPeriod.length} values for ${T} periods`,
        );
      s.leadTimeByPeriod.forEach((l, t) => {
        if (!Number.isInteger(l) || l < 0)
          issue(
            "supplierItems",
            key,
            `lead time in ${problem.periods[t] ?? `period ${t + 1}`} is ${l}, not a whole number of periods ≥ 0`,
          );
      });
    }
  }
  for (const l of problem.lanes) {
    const key = `${l.from}>${l.to}`;
    if (locations.get(l.from) !== "plant") issue("lanes", key, `"${l.from}" is not a plant`);
    known("lanes", key, "location", locations, l.to);
    leadTime("lanes", key, l.leadTimePeriods);
    money("lanes", key, "cost per unit", l.costPerUnit);
  }
  for (const s of problem.segments) {
    leadTime("segments", s.code, s.receivablesLagPeriods);
    const policy = s.shortage;
    money(
      "segments",
      s.code,
      policy.kind === "backlog" ? "backlog cost" : "goodwill",
      policy.kind === "backlog" ? policy.costPerUnitPeriod : policy.goodwillPerUnit,
    );
  }
  for (const p of problem.prices) money("prices", `${p.sku}/${p.segment}`, "price", p.price);
  for (const d of problem.demand) {
    const key = `${stockKey(d.sku, d.location)}/${d.segment}/${d.period}`;
    known("demand", key, "SKU", items, d.sku);
    known("demand", key, "location", locations, d.location);
    known("demand", key, "segment", segments, d.segment);
    known("demand", key, "period in the horizon", horizon, d.period);
    quantity("demand", key, "quantity", d.quantity);
  }
  for (const [entity, list] of [
    ["openingInventory", problem.openingInventory],
    ["closingInventory", problem.closingInventory],
  ] as const) {
    for (const s of list) {
      const key = stockKey(s.sku, s.location);
      known(entity, key, "SKU", items, s.sku);
      known(entity, key, "location", locations, s.location);
      quantity(entity, key, "quantity", s.quantity);
    }
  }
  for (const r of problem.scheduledReceipts ?? []) {
    const key = `${stockKey(r.sku, r.location)}/${r.period}`;
    known("scheduledReceipts", key, "SKU", items, r.sku);
    known("scheduledReceipts", key, "location", locations, r.location);
    quantity("scheduledReceipts", key, "quantity", r.quantity);
  }
  for (const s of problem.safetyStock) {
    const key = stockKey(s.sku, s.location);
    known("safetyStock", key, "SKU", items, s.sku);
    known("safetyStock", key, "location", locations, s.location);
    series("safetyStock", key, "target", s.quantities);
    money("safetyStock", key, "shortfall penalty", s.shortfallPenaltyPerUnitPeriod);
  }
  for (const f of problem.firmProduction) {
    const key = `${stockKey(f.sku, f.plant)}/${f.period}`;
    known("firmProduction", key, "production option", options, stockKey(f.sku, f.plant));
    known("firmProduction", key, "period in the horizon", horizon, f.period);
    quantity("firmProduction", key, "quantity", f.quantity);
    const t = problem.periods.indexOf(f.period);
    if (t >= 0 && f.quantity > 0 && hasNoCapacity(problem, f.sku, f.plant, t))
      issue(
        "firmProduction",
        key,
        `${f.quantity} units are committed but a resource it needs has no capacity in ${f.period}`,
      );
  }
  for (const sku of demandedButUnmakeable(problem))
    issue("demand", sku, `${sku} is demanded but has no capacity, subcontractor, supplier or stock anywhere`);
  return issues;
}

/** True when a resource routed for the option has zero regular and overtime hours (and no crew) in t. */
function hasNoCapacity(problem: SupplyProblem, sku: string, plant: string, t: number): boolean {
  return problem.routings.some((r) => {
    if (r.sku !== sku || r.plant !== plant) return false;
    const resource = problem.resources.find((x) => x.code === r.resource);
    if (!resource || resource.workforce) return false;
    return (resource.regularHours[t] ?? 0) + (resource.maxOvertimeHours[t] ?? 0) <= 0;
  });
}

/** SKUs with demand that no production (with capacity in some period), purchase or stock can supply. */
function demandedButUnmakeable(problem: SupplyProblem): string[] {
  const demanded = new Set(problem.demand.filter((d) => d.quantity > 0).map((d) => d.sku));
  return [...demanded].filter((sku) => {
    if (problem.openingInventory.some((o) => o.sku === sku && o.quantity > 0)) return false;
    if (problem.scheduledReceipts?.some((r) => r.sku === sku && r.quantity > 0)) return false;
    if (problem.supplierItems.some((s) => s.component === sku)) return false;
    return !problem.production.some(
      (o) =>
        o.sku === sku &&
        ((o.subcontract?.maxPerPeriod ?? 0) > 0 ||
          problem.periods.some((_, t) => !hasNoCapacity(problem, sku, o.plant, t))),
    );
  });
}
