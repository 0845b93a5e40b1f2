// Allocation when supply is short: who gets the units a SKU-location has to sell in a period when
// the segments ask for more. Three rules S&OP teams argue about — customer priority, unit margin,
// or a fair share — computed the same way so their service and money can be compared side by side.
// Everything is in whole units, so revenue and margin are exact products of Money.

import type { Money, PeriodKey } from "@fulcrum/domain";
import { apportion } from "../plan/apportion";

export type AllocationRule = "priority" | "margin" | "fair-share";

export const ALLOCATION_RULES: readonly AllocationRule[] = ["priority", "margin", "fair-share"];

export interface AllocationSegment {
  readonly code: string;
  /** 1 is served first. */
  readonly priority: number;
}

/** What one segment asks of a line. */
export interface SegmentDemand {
  readonly segment: string;
  /** Whole units. */
  readonly units: number;
  /** Price per unit. */
  readonly price: Money;
  /** Margin per unit (price − cost; may be negative). */
  readonly unitMargin: Money;
}

/** One SKU at one location in one period. */
export interface AllocationLine {
  readonly sku: string;
  readonly location: string;
  readonly period: PeriodKey;
  /** Whole units available to sell. */
  readonly available: number;
  readonly demand: readonly SegmentDemand[];
}

export interface AllocationInput {
  readonly segments: readonly AllocationSegment[];
  readonly lines: readonly AllocationLine[];
}

export interface SegmentAllocation {
  readonly segment: string;
  readonly demand: number;
  readonly allocated: number;
  /** Demand − allocated. */
  readonly short: number;
  readonly revenue: Money;
  /** Short units × price. */
  readonly lostRevenue: Money;
  readonly margin: Money;
  /** Demand > 0 and all of it allocated. */
  readonly inFull: boolean;
}

export interface AllocatedLine {
  readonly sku: string;
  readonly location: string;
  readonly period: PeriodKey;
  readonly available: number;
  /** min(available, total demand). */
  readonly allocated: number;
  /** Available − allocated: stock no segment asked for. */
  readonly unallocated: number;
  readonly segments: readonly SegmentAllocation[];
}

export interface SegmentServiceSummary {
  readonly segment: string;
  /** Lines (SKU-location-periods) where the segment had demand. */
  readonly lines: number;
  readonly linesInFull: number;
  readonly demand: number;
  readonly allocated: number;
  /** Allocated ÷ demand (units); null without demand. */
  readonly fillRate: number | null;
  /** Projected OTIF: lines in full ÷ lines with demand; null without any. */
  readonly otif: number | null;
  readonly revenue: Money;
  readonly lostRevenue: Money;
  readonly margin: Money;
}

export interface AllocationResult {
  readonly rule: AllocationRule;
  readonly lines: readonly AllocatedLine[];
  /** One per segment of the input, in its order. */
  readonly segments: readonly SegmentServiceSummary[];
}

/** A segment's claim on a line, as the rules see it. */
export interface AllocationClaim {
  readonly segment: string;
  readonly units: number;
  readonly unitMargin: number;
}

/**
 * Splits `available` whole units over `claims` by `rule`, returning units per claim (same order).
 * The total is min(available, Σ units) and no claim gets more than it asks.
 * - priority: claims in priority order (1 first), each served in full before the next; ties in
 *   priority go to the segment listed first in `segmentOrder`.
 * - margin: highest unit margin first; ties by priority, then by listing order.
 * - fair-share: in proportion to the claims, in whole units by largest remainder (each gets
 *   ⌊share⌋, the units left go one each to the largest fractional parts); ties in the fraction go
 *   to the higher priority, then to the segment listed first.
 */
export function splitByRule(
  available: number,
  claims: readonly AllocationClaim[],
  rule: AllocationRule,
  rank: ReadonlyMap<string, { readonly priority: number; readonly order: number }>,
): number[] {
  const byPriority = (a: AllocationClaim, b: AllocationClaim) =>
    rank.get(a.segment)!.priority - rank.get(b.segment)!.priority ||
    rank.get(a.segment)!.order - rank.get(b.segment)!.order;
  const order = claims.map((claim, i) => ({ claim, i }));
  const result = claims.map(() => 0);
  const total = claims.reduce((s, c) => s + c.units, 0);
  const supply = Math.min(available, total);
  if (rule === "fair-share") {
    // `apportion` breaks ties towards the earlier cell, so cells go in in priority order.
    order.sort((a, b) => byPriority(a.claim, b.claim));
    const shares = apportion(
      supply,
      order.map(({ claim }) => claim.units),
    );
    order.forEach(({ i }, k) => {
      result[i] = shares[k]!;
    });
    return result;
  }
  order.sort((a, b) =>
    rule === "margin"
      ? b.claim.unitMargin - a.claim.unitMargin || byPriority(a.claim, b.claim)
      : byPriority(a.claim, b.claim),
  );
  let left = supply;
  for (const { claim, i } of order) {
    result[i] = Math.min(claim.units, left);
    left -= result[i]!;
  }
  return result;
}

/** Priority and listing order of each segment, checking each is listed once. */
export function segmentRanks(
  segments: readonly AllocationSegment[],
): Map<string, { priority: number; order: number }> {
  const rank = new Map<string, { priority: number; order: number }>();
  segments.forEach((s, order) => {
    if (rank.has(s.code)) throw new Error(`segment ${s.code} is listed twice`);
    if (!Number.isFinite(s.priority)) throw new Error(`segment ${s.code} has priority ${s.priority}`);
    rank.set(s.code, { priority: s.priority, order });
  });
  return rank;
}

const isWholeUnits = (q: number) => Number.isSafeInteger(q) && q >= 0;

/**
 * Allocates each line's available units among its segments by `rule` (see `splitByRule`), with
 * each segment's revenue (allocated × price), lost revenue (short × price) and margin
 * (allocated × unit margin), and a summary per segment: fill rate in units and projected OTIF,
 * the share of its lines with demand that are allocated in full in their period.
 *
 * @throws on fractional or negative units, a segment without a priority, or a segment twice in a
 *   line (the message names the line).
 */
export function allocateSupply(input: AllocationInput, rule: AllocationRule): AllocationResult {
  const rank = segmentRanks(input.segments);
  const lines = input.lines.map((line): AllocatedLine => {
    const name = `${line.sku}@${line.location}/${line.period}`;
    if (!isWholeUnits(line.available))
      throw new Error(`line ${name}: available ${line.available} is not a whole number of units`);
    const seen = new Set<string>();
    for (const d of line.demand) {
      if (!rank.has(d.segment)) throw new Error(`line ${name}: segment ${d.segment} has no priority`);
      if (seen.has(d.segment)) throw new Error(`line ${name}: segment ${d.segment} appears twice`);
      if (!isWholeUnits(d.units))
        throw new Error(`line ${name}: ${d.segment} demand ${d.units} is not a whole number of units`);
      seen.add(d.segment);
    }
    const split = splitByRule(line.available, line.demand, rule, rank);
    const segments = line.demand.map((d, i): SegmentAllocation => {
      const allocated = split[i]!;
      const short = d.units - allocated;
      return {
        segment: d.segment,
        demand: d.units,
        allocated,
        short,
        revenue: (allocated * d.price) as Money,
        lostRevenue: (short * d.price) as Money,
        margin: (allocated * d.unitMargin) as Money,
        inFull: d.units > 0 && short === 0,
      };
    });
    const allocated = split.reduce((s, q) => s + q, 0);
    return {
      sku: line.sku,
      location: line.location,
      period: line.period,
      available: line.available,
      allocated,
      unallocated: line.available - allocated,
      segments,
    };
  });
  return {
    rule,
    lines,
    segments: summariseSegmentService(
      input.segments,
      lines.flatMap((l) => l.segments),
    ),
  };
}

/** Per-segment service and money over allocations, one row per listed segment. */
export function summariseSegmentService(
  segments: readonly AllocationSegment[],
  allocations: readonly Omit<SegmentAllocation, "short">[],
): SegmentServiceSummary[] {
  return segments.map((s) => {
    const own = allocations.filter((a) => a.segment === s.code);
    const withDemand = own.filter((a) => a.demand > 0);
    const demand = own.reduce((sum, a) => sum + a.demand, 0);
    const allocated = own.reduce((sum, a) => sum + a.allocated, 0);
    const linesInFull = withDemand.filter((a) => a.inFull).length;
    const total = (pick: (a: Omit<SegmentAllocation, "short">) => number) =>
      own.reduce((sum, a) => sum + pick(a), 0) as Money;
    return {
      segment: s.code,
      lines: withDemand.length,
      linesInFull,
      demand,
      allocated,
      fillRate: demand > 0 ? allocated / demand : null,
      otif: withDemand.length > 0 ? linesInFull / withDemand.length : null,
      revenue: total((a) => a.revenue),
      lostRevenue: total((a) => a.lostRevenue),
      margin: total((a) => a.margin),
    };
  });
}
