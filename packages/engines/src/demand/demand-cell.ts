// The cell the demand adjustments work on: one SKU (at one location or in one segment when the
// forecast was made at that level) in one month, as the demand layers store it.

import type { PeriodKey } from "@fulcrum/domain";

export interface CellKey {
  readonly sku: string;
  readonly location: string | null;
  readonly segment: string | null;
  readonly period: PeriodKey;
}

export interface DemandCell extends CellKey {
  readonly value: number;
}

/** A string key for maps: SKU, location, segment and period. */
export function cellId(cell: CellKey): string {
  return `${cell.sku}\u0000${cell.location ?? ""}\u0000${cell.segment ?? ""}\u0000${cell.period}`;
}

/** The same location, segment and period for another SKU. */
export function withSku(cell: CellKey, sku: string): CellKey {
  return { sku, location: cell.location, segment: cell.segment, period: cell.period };
}
