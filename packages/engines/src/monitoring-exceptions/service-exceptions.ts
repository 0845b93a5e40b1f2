// Exceptions outside the plan's numbers: a customer segment served below its OTIF target, and a
// decision of the executive log still open after its due date.

import type { Money, PeriodKey } from "@fulcrum/domain";
import { exceptionKey, type MonitoringFinding, percent } from "./monitoring-exception";

export interface SegmentService {
  readonly segment: string;
  /** Share of the window's lines delivered on time in full (orderService's otif); null without lines. */
  readonly otif: number | null;
  /** The otif target in force for the segment, a share. */
  readonly target: number;
  /** The segment's revenue over the window, in minor units. */
  readonly revenue: Money;
}

/**
 * Segments whose OTIF over the window is below target (strictly). Value at stake = (target − OTIF)
 * × the segment's revenue in the window: the share of its business served worse than promised.
 */
export function otifExceptions(
  segments: readonly SegmentService[],
  window: readonly PeriodKey[],
): MonitoringFinding[] {
  const last = window[window.length - 1];
  if (!last) return [];
  return segments.flatMap((s) =>
    s.otif !== null && s.otif < s.target
      ? [
          {
            key: exceptionKey("otif-below-target", s.segment, last),
            kind: "otif-below-target" as const,
            title: `Segment ${s.segment} served ${percent(s.otif)} of lines on time in full (target ${percent(s.target)})`,
            subject: { type: "segment" as const, code: s.segment },
            periods: window,
            valueAtStake: Math.round((s.target - s.otif) * s.revenue) as Money,
            measured: s.otif,
            limit: s.target,
            units: s.target - s.otif,
          },
        ]
      : [],
  );
}

export interface LoggedDecision {
  readonly id: number;
  readonly title: string;
  /** The cycle that took it. */
  readonly period: PeriodKey;
  readonly status: string;
  /** ISO date, or null when it has none (never overdue). */
  readonly dueDate: string | null;
  /** What the decision is worth in minor units (its scenario's difference), 0 when nothing says. */
  readonly value: Money;
}

/**
 * Open decisions due before `asOf` (an ISO date). Value at stake = the decision's value (its
 * scenario's difference from the base, when the caller has one), else 0; units = days overdue.
 */
export function overdueDecisions(decisions: readonly LoggedDecision[], asOf: string): MonitoringFinding[] {
  return decisions.flatMap((d) => {
    if (d.status !== "open" || d.dueDate === null || d.dueDate >= asOf) return [];
    const days = Math.round((Date.parse(asOf) - Date.parse(d.dueDate)) / 86_400_000);
    return [
      {
        key: exceptionKey("decision-overdue", String(d.id), d.dueDate),
        kind: "decision-overdue" as const,
        title: `Decision "${d.title}" was due ${d.dueDate}, ${days} day${days === 1 ? "" : "s"} ago`,
        subject: { type: "decision" as const, code: String(d.id) },
        periods: [d.period],
        valueAtStake: d.value,
        measured: days,
        limit: 0,
        units: days,
      },
    ];
  });
}
