// The demo generator's public contract: what it is asked for and what it hands back.

import type { ImportRow } from "@fulcrum/domain";

/** One real monthly demand shape (an M1 competition series), oldest value first. */
export interface M1Series {
  readonly name: string;
  readonly values: readonly number[];
}

export interface DemoOptions {
  /** Any integer; the same seed and size always give the same company. */
  readonly seed: number;
  /** Number of finished SKUs; the hierarchy, customers and plant lines grow with √(skuCount/150). */
  readonly skuCount: number;
  /** The company's "today" (YYYY-MM-DD); history ends with the month before it. */
  readonly asOf: string;
  /** Full months of sales history, at least 13. */
  readonly historyMonths: number;
  /** Real demand shapes used for about 40 % of the regular SKUs; empty means all synthetic. */
  readonly m1: readonly M1Series[];
}

export interface DemoCompany {
  readonly company: {
    readonly name: string;
    readonly currency: { readonly code: "EUR"; readonly minorDigits: 2 };
    readonly bucket: "month";
    readonly currentPeriod: string;
    readonly asOf: string;
  };
  /** Rows typed as `ImportValidator.row()` returns them, keyed by entity name, for every entity. */
  readonly rows: Record<string, ImportRow[]>;
}
