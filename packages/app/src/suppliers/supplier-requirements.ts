// What a supply plan asks of each supplier: its purchases per supplier line (supplier, component,
// plant) and receipt period, with the period the order must be placed in. The plan cells keep
// purchases per component and plant only, so a run stores these rows beside its version (ADR 0403)
// — that is what a supplier sees in its portal and answers.

import { addPeriods, type PeriodKey } from "@fulcrum/domain";
import {
  QUANTITY_TOLERANCE,
  type SupplyPlan,
  type SupplyProblem,
  supplierLeadTimeAt,
} from "@fulcrum/engines";
import type { Schema } from "@fulcrum/storage";
import { sql, type Transaction } from "kysely";

export interface SupplierRequirement {
  readonly supplier: string;
  readonly sku: string;
  readonly plant: string;
  /** Receipt period. */
  readonly period: PeriodKey;
  readonly quantity: number;
  /** Receipt period less the lead time the plan used for it. */
  readonly orderPeriod: PeriodKey;
}

/**
 * The plan's receipts per supplier line and period, skipping periods with nothing to receive.
 * `plan.purchases[i]` is the plan of `problem.supplierItems[i]` (every method keeps that order).
 */
export function supplierRequirements(problem: SupplyProblem, plan: SupplyPlan): SupplierRequirement[] {
  return problem.supplierItems.flatMap((line, i) =>
    plan.purchases[i]!.received.flatMap((quantity, t) => {
      if (quantity <= QUANTITY_TOLERANCE) return [];
      const period = problem.periods[t]!;
      return [
        {
          supplier: line.supplier,
          sku: line.component,
          plant: line.plant,
          period,
          quantity,
          orderPeriod: addPeriods(period, -supplierLeadTimeAt(line, t)),
        },
      ];
    }),
  );
}

/** Stores a run's requirements and the responses it planned with, inside the run's transaction. */
export async function storeSupplierRequirements(
  trx: Transaction<Schema>,
  runId: number,
  requirements: readonly SupplierRequirement[],
  responsesUsed: readonly string[],
): Promise<void> {
  if (requirements.length > 0)
    await sql`
      INSERT INTO supply_requirements (run_id, supplier, sku, plant, period, quantity, order_period)
      SELECT ${runId}, s, k, p, t, q, o
      FROM unnest(${requirements.map((r) => r.supplier)}::text[], ${requirements.map((r) => r.sku)}::text[],
                  ${requirements.map((r) => r.plant)}::text[], ${requirements.map((r) => r.period)}::text[],
                  ${requirements.map((r) => r.quantity)}::float8[],
                  ${requirements.map((r) => r.orderPeriod)}::text[]) AS x(s, k, p, t, q, o)`.execute(trx);
  if (responsesUsed.length > 0)
    await sql`
      INSERT INTO supply_run_responses (run_id, response_id)
      SELECT ${runId}, unnest(${responsesUsed}::bigint[])`.execute(trx);
}
