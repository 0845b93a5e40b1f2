// What the alignment meeting reads of a supply plan, made in the same run while the problem and
// plan are in memory: the gap between unconstrained demand and what the plan serves per product
// family, segment and month with what fills it, and the segments' service under each allocation
// rule (the plan's own split, and re-allocated by priority, by margin or fair share).

import {
  ALLOCATION_RULES,
  type AllocationRule,
  type DemandSupplyGapRow,
  demandSupplyGap,
  type ReallocationSummary,
  reallocatePlanService,
  type SupplyPlan,
  type SupplyProblem,
  type UnattributedLevers,
} from "@fulcrum/engines";
import type { SupplyData } from "./supply-data";

export interface SupplyAlignment {
  readonly gap: readonly DemandSupplyGapRow[];
  readonly unattributed: readonly UnattributedLevers[];
  readonly allocation: {
    readonly asPlanned: readonly ReallocationSummary[];
    readonly byRule: Readonly<Record<AllocationRule, readonly ReallocationSummary[]>>;
  };
}

/** `familyOf` names the product family (the SKU's own product group) each SKU's gap rolls into. */
export function supplyAlignment(
  problem: SupplyProblem,
  plan: SupplyPlan,
  data: SupplyData,
  familyOf: (sku: string) => string,
): SupplyAlignment {
  const { rows, unattributed } = demandSupplyGap(problem, plan, familyOf);
  const segments = data.segments.map((s) => ({ code: s.code, priority: s.priority }));
  const reallocated = ALLOCATION_RULES.map((rule) =>
    reallocatePlanService(problem, plan, rule, { segments }),
  );
  return {
    gap: rows,
    unattributed,
    allocation: {
      asPlanned: reallocated[0]!.asPlanned,
      byRule: Object.fromEntries(reallocated.map((r) => [r.rule, r.segments])) as Record<
        AllocationRule,
        readonly ReallocationSummary[]
      >,
    },
  };
}
