// The demo company as the generator sees it before any row is written: brands, families, SKUs,
// customers and plants with the attributes the later steps draw on.

export interface Brand {
  readonly code: string;
  readonly name: string;
}

export interface Family {
  readonly index: number;
  readonly code: string;
  /** Short key used in component and raw-material codes, e.g. "ORANGE-2". */
  readonly key: string;
  readonly name: string;
  readonly brand: Brand;
  /** Index into the plants list: every SKU of a family is made at one plant. */
  readonly plant: number;
  /** Demand index per calendar month (January first), averaging 1. */
  readonly season: readonly number[];
  readonly concentrate: string;
  /** Index into the concentrate suppliers. */
  readonly concentrateSupplier: number;
  /** Shelf price of one litre in EUR, before segment terms. */
  readonly eurPerLitre: number;
  /** Litres of concentrate per litre of drink. */
  readonly concentratePerLitre: number;
}

export interface Size {
  readonly code: string;
  readonly label: string;
  readonly litres: number;
  readonly cap: "26" | "38";
  /** Relative line time per bottle: bigger bottles fill and label more slowly. */
  readonly effort: number;
}

export interface Pack {
  readonly code: string;
  readonly label: string;
  readonly count: number;
  readonly uom: string;
}

/** Where a SKU is in its life; the last three come with a product transition. */
export type Lifecycle = "regular" | "launch" | "phase_out" | "superseded" | "successor";
/** How the SKU's history is made: a real M1 shape, level × trend × season, or lumpy low runner. */
export type DemandKind = "m1" | "synthetic" | "intermittent";

export interface FinishedSku {
  readonly index: number;
  readonly code: string;
  readonly name: string;
  readonly family: Family;
  readonly size: Size;
  readonly pack: Pack;
  readonly lifecycle: Lifecycle;
  readonly demandKind: DemandKind;
  /** For a launch the like-for-like SKU, for a successor the SKU it replaces. */
  readonly predecessor?: number;
}

export interface Segment {
  readonly code: string;
  readonly name: string;
  readonly priority: number;
  /** Net price relative to list price. */
  readonly priceFactor: number;
  /** Days from order to the requested delivery. */
  readonly requestLeadDays: readonly [number, number];
}

export interface Customer {
  readonly index: number;
  readonly code: string;
  readonly name: string;
  readonly segment: Segment;
  readonly channel: string;
  readonly region: string;
  /** Index of the DC that serves the customer's region. */
  readonly dc: number;
  /** Relative buying power. */
  readonly size: number;
  /** Orders per month: 1, 2 or 4 (weekly). */
  readonly ordersPerMonth: number;
  /** 0 = Monday … 4 = Friday. */
  readonly orderWeekday: number;
}

export interface Location {
  readonly code: string;
  readonly name: string;
  readonly type: "plant" | "dc";
  readonly region: string;
}

/** How much bigger than the 150-SKU reference company the hierarchy and network are: ⌊√(skus/150)⌉, at least 1. */
export function scaleOf(skuCount: number): number {
  return Math.max(1, Math.round(Math.sqrt(skuCount / 150)));
}
