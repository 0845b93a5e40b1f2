// Available-to-promise: the units of one SKU at one location that sales may still promise, period by
// period, out of what the committed supply plan brings in and what is on hand, after the orders
// already taken. The textbook rule: the first period's ATP is on hand plus its receipts less the
// orders due before the next receipt; a later period with more committed than it receives takes the
// shortfall from earlier periods' ATP (netted backwards), so no unit is promised twice.

/** What one SKU-location has and owes, per period of the plan. */
export interface AtpInput {
  /** Planning periods, oldest first (`2026-11`…). */
  readonly periods: readonly string[];
  /** Units on hand at the start of the first period. */
  readonly onHand: number;
  /** Units coming into the location's stock per period: production, purchases and transfers in. */
  readonly receipts: readonly number[];
  /** Units already owed per period: customer orders and the plan's own outflows (shipments, consumption). */
  readonly committed: readonly number[];
}

export interface Atp {
  readonly periods: readonly string[];
  /** Whole units each period adds to what may be promised. */
  readonly discrete: readonly number[];
  /** Units that may be promised for delivery in or before each period: the running sum of `discrete`. */
  readonly cumulative: readonly number[];
  /** Committed units that on hand and receipts cannot cover at all (0 when the plan covers its orders). */
  readonly uncovered: number;
}

const EPS = 1e-6;

/**
 * Discrete and cumulative ATP in whole units (fractional plan quantities are rounded down, so a
 * promise never counts on part of a unit). Netting a period's negative balance into the one before
 * is the same as charging the orders to the last receipt before them.
 *
 * @throws when a per-period array does not match `periods` (a caller bug).
 */
export function availableToPromise(input: AtpInput): Atp {
  const T = input.periods.length;
  if (input.receipts.length !== T || input.committed.length !== T)
    throw new Error(`ATP needs ${T} receipts and committed values, one per period`);
  const balance = input.periods.map(
    (_, t) => (t === 0 ? input.onHand : 0) + input.receipts[t]! - input.committed[t]!,
  );
  for (let t = T - 1; t > 0; t--)
    if (balance[t]! < 0) {
      balance[t - 1]! += balance[t]!;
      balance[t] = 0;
    }
  const uncovered = T > 0 && balance[0]! < -EPS ? Math.ceil(-balance[0]! - EPS) : 0;
  const discrete = balance.map((b) => (b > 0 ? Math.floor(b + EPS) : 0));
  let running = 0;
  const cumulative = discrete.map((d) => (running += d));
  return { periods: input.periods, discrete, cumulative, uncovered };
}
