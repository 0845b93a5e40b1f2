// How well customers' orders were served, from the order history: unit and line fill rate, on time
// in full, and cancelled orders — the demand review's service measures, per month or any grouping
// the caller chooses (segment, family, customer).

/** One order line as the history records it. */
export interface OrderLine {
  /** The group the line is counted in, e.g. a month or "RETAIL/2026-10". */
  readonly key: string;
  readonly requested: number;
  readonly delivered: number;
  readonly cancelled: number;
  /** Delivered on or before the requested date (false when nothing was delivered). */
  readonly onTime: boolean;
}

export interface OrderService {
  readonly key: string;
  readonly lines: number;
  readonly requested: number;
  /** Σ min(delivered, requested) / Σ requested; null without requested units. */
  readonly unitFillRate: number | null;
  /** Share of lines delivered in full (delivered ≥ requested). */
  readonly lineFillRate: number | null;
  /** Share of lines delivered in full and on time. */
  readonly otif: number | null;
  /** Lines with any cancelled quantity, the units cancelled, and their share of requested units. */
  readonly cancelledLines: number;
  readonly cancelledUnits: number;
  readonly cancelledShare: number | null;
}

/**
 * Service per key, in order of first appearance. Over-delivery does not make up for another line's
 * shortfall (min per line); a line with nothing requested counts as in full. A late but complete
 * delivery is filled but not OTIF; a partly cancelled line is neither.
 */
export function orderService(lines: readonly OrderLine[]): OrderService[] {
  const groups = new Map<string, OrderLine[]>();
  for (const line of lines) {
    const own = groups.get(line.key);
    if (own) own.push(line);
    else groups.set(line.key, [line]);
  }
  return [...groups].map(([key, own]) => {
    const requested = own.reduce((s, l) => s + l.requested, 0);
    const filled = own.reduce((s, l) => s + Math.min(l.delivered, l.requested), 0);
    const inFull = own.filter((l) => l.delivered >= l.requested);
    const cancelled = own.filter((l) => l.cancelled > 0);
    const cancelledUnits = cancelled.reduce((s, l) => s + l.cancelled, 0);
    const share = (n: number) => (own.length > 0 ? n / own.length : null);
    return {
      key,
      lines: own.length,
      requested,
      unitFillRate: requested > 0 ? filled / requested : null,
      lineFillRate: share(inFull.length),
      otif: share(inFull.filter((l) => l.onTime).length),
      cancelledLines: cancelled.length,
      cancelledUnits,
      cancelledShare: requested > 0 ? cancelledUnits / requested : null,
    };
  });
}
