// What drives a change in demand between two periods: the SKUs or customers below a node ranked by
// how much of the node's change each one makes, so "the family is down 8 %" becomes "two key
// accounts are down, one launch is up".

export interface DriverInput {
  readonly key: string;
  readonly before: number;
  readonly after: number;
}

export interface ChangeDriver extends DriverInput {
  /** after − before: this child's contribution to the node's change. */
  readonly change: number;
  /** change / the node's change; null when the node did not change. */
  readonly shareOfChange: number | null;
}

export interface ChangeDrivers {
  readonly before: number;
  readonly after: number;
  /** The node's change: the sum of the contributions (= after − before for whole units). */
  readonly change: number;
  /** The largest contributions (by size, either sign), then one row "others" with the rest. */
  readonly drivers: readonly ChangeDriver[];
  /** How many children the `others` row adds up (0: no such row). */
  readonly others: number;
}

export const OTHERS_KEY = "(others)";

/**
 * Ranks children by |after − before| (ties by key) and keeps the `top` largest; the rest are added
 * into one OTHERS_KEY row so that the contributions listed always sum exactly to the node's
 * change. Rows with the same key are added together first.
 */
export function changeDrivers(children: readonly DriverInput[], top = 20): ChangeDrivers {
  const byKey = new Map<string, { before: number; after: number }>();
  for (const c of children) {
    const entry = byKey.get(c.key) ?? { before: 0, after: 0 };
    entry.before += c.before;
    entry.after += c.after;
    byKey.set(c.key, entry);
  }
  const rows = [...byKey].map(([key, v]) => ({ key, ...v, change: v.after - v.before }));
  rows.sort(
    (a, b) => Math.abs(b.change) - Math.abs(a.change) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const kept = rows.slice(0, top);
  const rest = rows.slice(top);
  if (rest.length > 0)
    kept.push({
      key: OTHERS_KEY,
      before: rest.reduce((s, r) => s + r.before, 0),
      after: rest.reduce((s, r) => s + r.after, 0),
      change: rest.reduce((s, r) => s + r.change, 0),
    });
  const change = kept.reduce((s, r) => s + r.change, 0);
  return {
    before: rows.reduce((s, r) => s + r.before, 0),
    after: rows.reduce((s, r) => s + r.after, 0),
    change,
    drivers: kept.map((r) => ({ ...r, shareOfChange: change === 0 ? null : r.change / change })),
    others: rest.length,
  };
}
