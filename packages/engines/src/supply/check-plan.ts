// The invariants every supply plan must satisfy whatever made it — optimiser, heuristic or a
// planner's edits: stock balances, capacity and supplier limits, firm commitments, service that
// never exceeds demand. Used by the property tests, and by callers as a last sanity check.

import { stockKey } from "./network";
import { supplierCanDeliverAt, supplierCapacityAt } from "./supplier-limits";
import type { SupplyPlan } from "./supply-plan";
import type { SupplyProblem } from "./supply-problem";

/**
 * Violations of the plan's invariants, each a sentence naming the record and period; empty when
 * the plan is consistent. Quantities are compared with a tolerance relative to their size.
 */
export function checkPlan(problem: SupplyProblem, plan: SupplyPlan, tolerance = 1e-6): string[] {
  const violations: string[] = [];
  const { periods } = problem;
  const near = (a: number, b: number) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
  const atMost = (a: number, b: number) => a <= b + tolerance * Math.max(1, Math.abs(b));

  for (const row of plan.inventory) {
    const key = stockKey(row.sku, row.location);
    for (let t = 0; t < periods.length; t++) {
      let flow = (t === 0 ? row.opening : row.closing[t - 1]!) + row.scheduledReceipts[t]!;
      for (const p of plan.production) {
        if (p.sku === row.sku && p.plant === row.location) flow += p.made[t]! + p.subcontracted[t]!;
        if (p.plant !== row.location) continue;
        for (const b of problem.bom)
          if (b.parent === p.sku && b.component === row.sku) flow -= b.quantityPer * p.made[t]!;
      }
      for (const b of plan.purchases)
        if (b.component === row.sku && b.plant === row.location) flow += b.received[t]!;
      for (const m of plan.transfers) {
        if (m.sku !== row.sku) continue;
        if (m.from === row.location) flow -= m.departures[t]!;
        if (m.to === row.location && t - m.leadTimePeriods >= 0) flow += m.departures[t - m.leadTimePeriods]!;
      }
      for (const s of plan.service)
        if (s.sku === row.sku && s.location === row.location) flow -= s.served[t]!;
      if (!near(flow, row.closing[t]!))
        violations.push(
          `inventory of ${key} in ${periods[t]} does not balance: ${flow} in, ${row.closing[t]} closing`,
        );
      if (row.closing[t]! < -tolerance) violations.push(`inventory of ${key} in ${periods[t]} is negative`);
    }
  }

  problem.resources.forEach((resource, r) => {
    const row = plan.capacity[r]!;
    for (let t = 0; t < periods.length; t++) {
      const crew = resource.workforce;
      const workers = row.workers?.[t] ?? 0;
      const regular = crew ? workers * crew.regularHoursPerWorker : resource.regularHours[t]!;
      const overtime = crew ? workers * crew.maxOvertimeHoursPerWorker : resource.maxOvertimeHours[t]!;
      if (!atMost(row.load[t]! - row.overtimeHours[t]!, regular))
        violations.push(`${resource.code} works more regular hours than it has in ${periods[t]}`);
      if (!atMost(row.overtimeHours[t]!, overtime))
        violations.push(`${resource.code} exceeds its overtime in ${periods[t]}`);
      const routed = problem.routings
        .filter((x) => x.resource === resource.code)
        .reduce(
          (sum, x) =>
            sum +
            x.hoursPerUnit *
              (plan.production.find((p) => p.sku === x.sku && p.plant === x.plant)?.made[t] ?? 0),
          0,
        );
      if (!near(routed, row.load[t]!))
        violations.push(
          `${resource.code}'s load in ${periods[t]} is ${row.load[t]}, its routings need ${routed}`,
        );
    }
  });

  problem.supplierItems.forEach((line, i) => {
    plan.purchases[i]!.received.forEach((q, t) => {
      if (!atMost(q, supplierCapacityAt(line, t)))
        violations.push(`${line.supplier} ships more ${line.component} than it can in ${periods[t]}`);
      if (!supplierCanDeliverAt(line, t) && q > tolerance)
        violations.push(
          `${line.component} from ${line.supplier} arrives in ${periods[t]}, before its lead time allows`,
        );
    });
  });

  for (const p of plan.production) {
    p.made.forEach((q, t) => {
      const firm = problem.firmProduction.find(
        (f) => f.sku === p.sku && f.plant === p.plant && f.period === periods[t],
      );
      const required = firm?.quantity ?? (t < problem.frozenPeriods ? 0 : undefined);
      if (required !== undefined && !near(q, required))
        violations.push(
          `production of ${stockKey(p.sku, p.plant)} in ${periods[t]} is ${q}, firm at ${required}`,
        );
    });
  }

  for (const s of plan.service) {
    s.served.forEach((q, t) => {
      if (q < -tolerance) violations.push(`negative sales of ${s.sku} at ${s.location} in ${periods[t]}`);
      if (!atMost(s.lost[t]!, s.demand[t]!))
        violations.push(`more ${s.sku} lost than demanded at ${s.location} in ${periods[t]}`);
    });
  }
  return violations;
}
