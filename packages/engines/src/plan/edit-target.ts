// What a planner types becomes a new total in whole units: an absolute number, a change by so many
// units, or a percentage (+5 %). Revenue targets go through prices instead (revenue-spread.ts).

export type UnitEdit =
  /** Set the total to `value` units. */
  | { readonly kind: "total"; readonly value: number }
  /** Change the total by `value` units (negative lowers it). */
  | { readonly kind: "delta"; readonly value: number }
  /** Change the total by `percent` % (+5 raises it by a twentieth). */
  | { readonly kind: "percent"; readonly percent: number };

export type TargetResult =
  | { readonly ok: true; readonly target: number }
  | { readonly ok: false; readonly issue: string };

/**
 * The new total in whole units: `value`; currentTotal + `value`; or currentTotal·(1 + percent/100).
 * Rounded to the nearest unit (halves up), since plans hold whole units. Refused when the result
 * would be negative or the input is not a finite number.
 */
export function editTarget(edit: UnitEdit, currentTotal: number): TargetResult {
  const amount = edit.kind === "percent" ? edit.percent : edit.value;
  if (!Number.isFinite(amount)) return { ok: false, issue: `${amount} is not a number` };
  const exact =
    edit.kind === "total"
      ? edit.value
      : edit.kind === "delta"
        ? currentTotal + edit.value
        : currentTotal * (1 + edit.percent / 100);
  const target = Math.round(exact);
  if (target < 0) return { ok: false, issue: `the new total would be ${target}, below zero` };
  return { ok: true, target };
}
