// "What if we allocated by margin instead?": keeps what a supply plan serves of each SKU at each
// location in each period, and re-divides it among the segments by another rule, carrying the
// unmet demand of backlog segments into the next period as the plan does. Beside it, the plan's
// own split in the same measures, so the UI can compare OTIF and revenue per segment.

import type { Money, PeriodKey } from "@fulcrum/domain";
import type { SupplyPlan } from "../supply/supply-plan";
import type { SupplyProblem } from "../supply/supply-problem";
import {
  type AllocationRule,
  type AllocationSegment,
  type SegmentServiceSummary,
  segmentRanks,
  splitByRule,
  summariseSegmentService,
} from "./allocation";

export interface ReallocationOptions {
  /** Priority of every segment of the problem (1 first). */
  readonly segments: readonly AllocationSegment[];
  /** Margin per unit; defaults to the segment's price − the SKU's standard cost. */
  readonly unitMargin?: (sku: string, segment: string) => Money;
}

export interface ReallocatedSegment {
  readonly segment: string;
  /** The period's own demand. */
  readonly demand: number;
  /** Backlog carried in from the previous period (0 for lost-sales segments). */
  readonly carriedIn: number;
  readonly allocated: number;
  /** Backlog at the end of the period. */
  readonly backlog: number;
  readonly lost: number;
  readonly revenue: Money;
  /** Lost units × price. */
  readonly lostRevenue: Money;
  readonly margin: Money;
  /** Demand > 0 and everything owed (carried in + demand) served in the period. */
  readonly inFull: boolean;
}

export interface ReallocatedLine {
  readonly sku: string;
  readonly location: string;
  readonly period: PeriodKey;
  /** What the plan served here in total (whole units). */
  readonly served: number;
  readonly allocated: number;
  /** Served − allocated: units no open demand takes under this rule (rare; see below). */
  readonly unallocated: number;
  readonly segments: readonly ReallocatedSegment[];
}

export interface ReallocationSummary extends SegmentServiceSummary {
  /** Backlog left at the end of the horizon. */
  readonly backlogAtEnd: number;
  readonly lostUnits: number;
}

export interface Reallocation {
  readonly rule: AllocationRule;
  readonly lines: readonly ReallocatedLine[];
  readonly segments: readonly ReallocationSummary[];
  /** The plan's own split, in the same measures. */
  readonly asPlanned: readonly ReallocationSummary[];
}

/**
 * Re-divides the plan's service by `rule`. Per SKU-location and period, the plan's served units
 * summed over segments (rounded to whole units) are split by `splitByRule` over each segment's
 * open demand: its demand of the period (rounded to whole units) plus, for backlog segments, the
 * backlog carried in. What a backlog segment does not get is carried to the next period; what a
 * lost-sales segment does not get is lost. Revenue = allocated × price, margin = allocated × unit
 * margin, lost revenue = lost × price. A lost-sales segment that loses more under the new rule can
 * leave less open demand than the plan served (as can rounding an LP plan's fractions), so a line
 * can have `unallocated` units.
 * OTIF counts lines with demand > 0 in full when everything owed was served in the period.
 */
export function reallocatePlanService(
  problem: SupplyProblem,
  plan: SupplyPlan,
  rule: AllocationRule,
  options: ReallocationOptions,
): Reallocation {
  const rank = segmentRanks(options.segments);
  for (const s of problem.segments)
    if (!rank.has(s.code)) throw new Error(`segment ${s.code} has no priority for the allocation`);
  const policy = new Map(problem.segments.map((s) => [s.code, s.shortage.kind]));
  const priceOf = new Map(problem.prices.map((p) => [`${p.sku}/${p.segment}`, p.price as number]));
  const costOf = new Map(problem.items.map((i) => [i.sku, i.standardCost as number]));
  const price = (sku: string, segment: string) => priceOf.get(`${sku}/${segment}`) ?? 0;
  const unitMargin =
    options.unitMargin ?? ((sku: string, segment: string) => price(sku, segment) - (costOf.get(sku) ?? 0));
  const whole = (q: number) => Math.max(0, Math.round(q));

  const positions = new Map<string, SupplyPlan["service"][number][]>();
  for (const row of plan.service) {
    const key = `${row.sku}@${row.location}`;
    positions.set(key, [...(positions.get(key) ?? []), row]);
  }

  const lines: ReallocatedLine[] = [];
  const asPlanned: { period: PeriodKey; figures: ReallocatedSegment }[] = [];
  for (const rows of positions.values()) {
    const { sku, location } = rows[0]!;
    const carried = rows.map(() => 0);
    plan.periods.forEach((period, t) => {
      const served = whole(rows.reduce((s, r) => s + r.served[t]!, 0));
      const claims = rows.map((r, k) => ({
        segment: r.segment,
        units: whole(r.demand[t]!) + carried[k]!,
        unitMargin: unitMargin(sku, r.segment),
      }));
      const split = splitByRule(served, claims, rule, rank);
      const segments = rows.map((r, k): ReallocatedSegment => {
        const allocated = split[k]!;
        const short = claims[k]!.units - allocated;
        const backlogKind = policy.get(r.segment) === "backlog";
        const carriedIn = carried[k]!;
        carried[k] = backlogKind ? short : 0;
        return segmentFigures(r.segment, whole(r.demand[t]!), carriedIn, allocated, {
          backlog: backlogKind ? short : 0,
          lost: backlogKind ? 0 : short,
          price: price(sku, r.segment),
          unitMargin: unitMargin(sku, r.segment),
        });
      });
      const allocated = split.reduce((s, q) => s + q, 0);
      lines.push({ sku, location, period, served, allocated, unallocated: served - allocated, segments });
      for (const r of rows) {
        const carriedIn = t > 0 ? whole(r.backlog[t - 1]!) : 0;
        const figures = segmentFigures(r.segment, whole(r.demand[t]!), carriedIn, whole(r.served[t]!), {
          backlog: whole(r.backlog[t]!),
          lost: whole(r.lost[t]!),
          price: price(sku, r.segment),
          unitMargin: unitMargin(sku, r.segment),
        });
        asPlanned.push({ period, figures });
      }
    });
  }
  const lastPeriod = plan.periods[plan.periods.length - 1];
  return {
    rule,
    lines,
    segments: summary(
      options.segments,
      lines.flatMap((l) => l.segments),
      lines.filter((l) => l.period === lastPeriod).flatMap((l) => l.segments),
    ),
    asPlanned: summary(
      options.segments,
      asPlanned.map((p) => p.figures),
      asPlanned.filter((p) => p.period === lastPeriod).map((p) => p.figures),
    ),
  };
}

function segmentFigures(
  segment: string,
  demand: number,
  carriedIn: number,
  allocated: number,
  at: { backlog: number; lost: number; price: number; unitMargin: number },
): ReallocatedSegment {
  return {
    segment,
    demand,
    carriedIn,
    allocated,
    backlog: at.backlog,
    lost: at.lost,
    revenue: (allocated * at.price) as Money,
    lostRevenue: (at.lost * at.price) as Money,
    margin: (allocated * at.unitMargin) as Money,
    inFull: demand > 0 && at.backlog + at.lost === 0,
  };
}

function summary(
  segments: readonly AllocationSegment[],
  all: readonly ReallocatedSegment[],
  lastPeriod: readonly ReallocatedSegment[],
): ReallocationSummary[] {
  return summariseSegmentService(segments, all).map((s) => ({
    ...s,
    backlogAtEnd: lastPeriod.filter((a) => a.segment === s.segment).reduce((sum, a) => sum + a.backlog, 0),
    lostUnits: all.filter((a) => a.segment === s.segment).reduce((sum, a) => sum + a.lost, 0),
  }));
}
