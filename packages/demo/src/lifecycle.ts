// Product transitions: when launches, phase-outs and supersessions happen relative to asOf, how
// they scale a SKU's demand month by month, and the product_transitions rows that describe them.

import type { ImportRow } from "@fulcrum/domain";
import type { DemoCalendar } from "./calendar";
import type { FinishedSku, Lifecycle } from "./company-model";

export interface TransitionWindow {
  /** Month index (0 = first history month) of the first month of the ramp. */
  readonly start: number;
  /** Month index of the last month of the ramp. */
  readonly end: number;
}

/**
 * Launches start 7 months before the current month (so the new SKU has 7 months of history) and
 * ramp up over 3 months; phase-outs ramp down from 6 months ago to the end of next month;
 * supersessions switched over 10 to 8 months ago.
 */
export function transitionWindow(lifecycle: Lifecycle, historyMonths: number): TransitionWindow | null {
  const h = historyMonths;
  switch (lifecycle) {
    case "launch":
      return { start: h - 7, end: h - 5 };
    case "phase_out":
      return { start: h - 6, end: h + 1 };
    case "superseded":
    case "successor":
      return { start: h - 10, end: h - 8 };
    case "regular":
      return null;
  }
}

/**
 * Share of the SKU's underlying demand that is sold in month `t`: linear steps across the ramp,
 * (t − start + 1)/(end − start + 2) going up, its complement going down; 1 for regular SKUs.
 */
export function lifecycleFactor(lifecycle: Lifecycle, historyMonths: number, t: number): number {
  const w = transitionWindow(lifecycle, historyMonths);
  if (!w) return 1;
  const up = t < w.start ? 0 : t > w.end ? 1 : (t - w.start + 1) / (w.end - w.start + 2);
  return lifecycle === "launch" || lifecycle === "successor" ? up : 1 - up;
}

/** The first day a SKU can be sold: its launch or switch-over month; null when always sold. */
export function introductionMonth(sku: FinishedSku, historyMonths: number): number | null {
  return sku.lifecycle === "launch" || sku.lifecycle === "successor"
    ? transitionWindow(sku.lifecycle, historyMonths)!.start
    : null;
}

export function itemStatus(lifecycle: Lifecycle): "active" | "new" | "phase_out" | "inactive" {
  return lifecycle === "launch"
    ? "new"
    : lifecycle === "phase_out"
      ? "phase_out"
      : lifecycle === "superseded"
        ? "inactive"
        : "active";
}

export function productTransitionRows(skus: readonly FinishedSku[], calendar: DemoCalendar): ImportRow[] {
  const h = calendar.history.length;
  const months = [...calendar.history, ...calendar.future];
  const rows: ImportRow[] = [];
  for (const sku of skus) {
    if (sku.lifecycle === "regular" || sku.lifecycle === "superseded") continue;
    const w = transitionWindow(sku.lifecycle, h)!;
    const first = months[w.start]!;
    const last = months[w.end]!;
    const predecessor = sku.predecessor === undefined ? null : skus[sku.predecessor]!.code;
    rows.push({
      kind: sku.lifecycle === "successor" ? "supersession" : sku.lifecycle,
      sku: sku.code,
      predecessor_sku: sku.lifecycle === "phase_out" ? null : predecessor,
      start_date: calendar.iso(first.firstDay),
      end_date: calendar.iso(last.firstDay + last.days - 1),
      scale_pct: sku.lifecycle === "launch" ? LAUNCH_SCALE_PCT : null,
    });
  }
  return rows;
}

/** A launch is expected to sell this share of its like-for-like SKU. */
export const LAUNCH_SCALE_PCT = 90;
