// Supplier delivery performance from the receipt lines of purchase orders: the share received on
// time, in full, and both (supplier OTIF), per supplier or any key the caller groups by. Only lines
// that are due count — a line promised after the as-of date is not late yet.

/** One purchase-order line as received (dates as ISO `YYYY-MM-DD`, which compare as text). */
export interface ReceiptLine {
  /** The group the line is counted in: a supplier, a month, "all". */
  readonly key: string;
  readonly promisedDate: string;
  readonly promisedQty: number;
  /** Null while nothing has been received. */
  readonly receivedDate: string | null;
  readonly receivedQty: number;
}

export interface SupplierDelivery {
  readonly key: string;
  /** Lines due: promised on or before the as-of date. */
  readonly lines: number;
  /** Share of due lines received on or before the promised date; null without lines due. */
  readonly onTime: number | null;
  /** Share of due lines with received ≥ promised. */
  readonly inFull: number | null;
  /** Share of due lines both on time and in full. */
  readonly otif: number | null;
  /** Σ max(0, promised − received) over the due lines: units still short. */
  readonly unitsShort: number;
}

/**
 * Delivery performance per key, in order of first appearance. A due line with nothing received is
 * neither on time nor in full; a line received late but complete is in full, not on time; an
 * over-delivery is in full. Lines promised after `asOf` are left out (not yet due); a key whose
 * lines are all not yet due is still listed, with null shares.
 */
export function supplierDelivery(lines: readonly ReceiptLine[], asOf: string): SupplierDelivery[] {
  const groups = new Map<string, ReceiptLine[]>();
  for (const line of lines) {
    const own = groups.get(line.key) ?? [];
    if (line.promisedDate <= asOf) own.push(line);
    groups.set(line.key, own);
  }
  return [...groups].map(([key, due]) => {
    const onTime = (l: ReceiptLine) => l.receivedDate !== null && l.receivedDate <= l.promisedDate;
    const inFull = (l: ReceiptLine) => l.receivedDate !== null && l.receivedQty >= l.promisedQty - 1e-9;
    const share = (test: (l: ReceiptLine) => boolean) =>
      due.length > 0 ? due.filter(test).length / due.length : null;
    return {
      key,
      lines: due.length,
      onTime: share(onTime),
      inFull: share(inFull),
      otif: share((l) => onTime(l) && inFull(l)),
      unitsShort: due.reduce((s, l) => s + Math.max(0, l.promisedQty - l.receivedQty), 0),
    };
  });
}
