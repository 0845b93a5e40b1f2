// Capable-to-promise: what ATP cannot cover of a request may still be made, out of the hours the
// committed plan leaves spare on the SKU's resources and the components it has not used. Monthly
// granularity: units made in a period use that period's spare hours and the components available by
// then (stock and planned receipts, net of the plan's own consumption), and reach the location the
// lane's lead time later — never before the period asked for. Only the SKU's own bill of materials is
// exploded, one level: a sub-assembly counts as material only as far as the plan already brings it.

/** One way to make the SKU for the location: a plant with its routing and bill of materials. */
export interface CtpSource {
  readonly plant: string;
  /** Periods from making at the plant to delivery at the location (0 when the location is the plant). */
  readonly leadTimePeriods: number;
  readonly routing: readonly { readonly resource: string; readonly hoursPerUnit: number }[];
  readonly bom: readonly { readonly component: string; readonly quantityPer: number }[];
}

export interface CtpInput {
  /** Planning periods, oldest first. */
  readonly periods: readonly string[];
  /** Index of the current period: nothing is made before it. */
  readonly current: number;
  /** Hours per period each resource has spare, by resource code (after the plan and earlier reservations). */
  readonly spareHours: ReadonlyMap<string, readonly number[]>;
  /**
   * Units of each component a plant may still use by each period (cumulative, non-decreasing), keyed
   * `component@plant`: its stock and receipts net of the plan, the promises and the reservations.
   */
  readonly material: ReadonlyMap<string, readonly number[]>;
  readonly sources: readonly CtpSource[];
}

export interface CtpReservation {
  readonly kind: "capacity" | "material";
  /** The resource or the component. */
  readonly code: string;
  readonly plant: string;
  readonly period: string;
  /** Hours (capacity) or units (material). */
  readonly quantity: number;
}

export interface CtpAnswer {
  /** Whole units that can be made and delivered within the horizon (at most the quantity asked). */
  readonly made: number;
  /** The period by which all of `made` is at the location; null when nothing can be made. */
  readonly period: string | null;
  /** What stopped the remainder being made sooner, in the first period it fell short. */
  readonly limitedBy: "capacity" | "material" | "routing" | null;
  /** The hours and components to reserve for it, per plant and period of making. */
  readonly reservations: readonly CtpReservation[];
}

const EPS = 1e-9;
const key = (component: string, plant: string) => `${component}@${plant}`;

/**
 * Makes up to `quantity` units for delivery in period `asked`, sources in order of lead time (then
 * plant). Each source first makes what it can in the periods that deliver by `asked`, latest first
 * (so nearer requests keep the earlier hours), then in later periods, earliest first. A period makes
 * min(left, min_r spare_r,t ÷ hours_r, min_c headroom_c,t ÷ qty_c), rounded down, where a
 * component's headroom in t is min over t' ≥ t of (available_c,t' − used by t'): using it in t
 * leaves less for every later period. A source without a routing makes nothing. Units made in t are
 * delivered in max(t + lead time, asked); the answer's period is the latest of these.
 *
 * @throws when `quantity` is not a positive whole number (the application validates it first).
 */
export function capableToPromise(input: CtpInput, quantity: number, asked: number): CtpAnswer {
  if (!(Number.isInteger(quantity) && quantity > 0)) throw new Error(`cannot make ${quantity} units`);
  const T = input.periods.length;
  const reservations: CtpReservation[] = [];
  let left = quantity;
  let last = -1;
  let limitedBy: CtpAnswer["limitedBy"] = null;
  const sources = [...input.sources].sort(
    (a, b) => a.leadTimePeriods - b.leadTimePeriods || a.plant.localeCompare(b.plant),
  );
  if (sources.length === 0 || sources.every((s) => s.routing.length === 0)) limitedBy = "routing";
  for (const source of sources) {
    if (source.routing.length === 0) continue;
    const L = source.leadTimePeriods;
    const used = new Map(source.bom.map((b) => [b.component, new Array<number>(T).fill(0)]));
    const headroom = (component: string, t: number) => {
      const available = input.material.get(key(component, source.plant));
      const byPeriod = used.get(component)!;
      let usedBy = 0;
      for (let k = 0; k < t; k++) usedBy += byPeriod[k]!;
      let room = Number.POSITIVE_INFINITY;
      for (let k = t; k < T; k++) {
        usedBy += byPeriod[k]!;
        room = Math.min(room, (available?.[k] ?? 0) - usedBy);
      }
      return room;
    };
    const due = Math.min(asked - L, T - 1 - L);
    const order: number[] = [];
    for (let t = due; t >= input.current; t--) order.push(t);
    for (let t = Math.max(due + 1, input.current); t + L < T; t++) order.push(t);
    for (const t of order) {
      if (left === 0) break;
      let byHours = Number.POSITIVE_INFINITY;
      for (const r of source.routing)
        if (r.hoursPerUnit > 0)
          byHours = Math.min(byHours, (input.spareHours.get(r.resource)?.[t] ?? 0) / r.hoursPerUnit);
      let byMaterial = Number.POSITIVE_INFINITY;
      for (const b of source.bom)
        if (b.quantityPer > 0) byMaterial = Math.min(byMaterial, headroom(b.component, t) / b.quantityPer);
      const make = Math.max(0, Math.floor(Math.min(left, byHours, byMaterial) + EPS));
      if (make < left && limitedBy === null) limitedBy = byHours <= byMaterial ? "capacity" : "material";
      if (make === 0) continue;
      left -= make;
      last = Math.max(last, t + L, asked);
      const period = input.periods[t]!;
      for (const r of source.routing)
        if (r.hoursPerUnit > 0)
          reservations.push({
            kind: "capacity",
            code: r.resource,
            plant: source.plant,
            period,
            quantity: make * r.hoursPerUnit,
          });
      for (const b of source.bom)
        if (b.quantityPer > 0) {
          used.get(b.component)![t]! += make * b.quantityPer;
          reservations.push({
            kind: "material",
            code: b.component,
            plant: source.plant,
            period,
            quantity: make * b.quantityPer,
          });
        }
    }
  }
  const made = quantity - left;
  return {
    made,
    period: made > 0 ? input.periods[Math.min(last, T - 1)]! : null,
    limitedBy,
    reservations,
  };
}
