// Customer segments and the customers in them, with channel, region, size and ordering rhythm.

import type { Customer, Segment } from "./company-model";
import { DCS, REGION_WEIGHTS } from "./network";
import { stream } from "./random";

export const SEGMENTS: readonly Segment[] = [
  { code: "KEY", name: "Key accounts", priority: 1, priceFactor: 0.84, requestLeadDays: [2, 4] },
  { code: "RETAIL", name: "Retail chains", priority: 2, priceFactor: 0.9, requestLeadDays: [3, 6] },
  {
    code: "WHOLESALE",
    name: "Wholesale and cash & carry",
    priority: 3,
    priceFactor: 0.8,
    requestLeadDays: [5, 9],
  },
  {
    code: "HORECA",
    name: "Hotels, restaurants and cafés",
    priority: 4,
    priceFactor: 1.04,
    requestLeadDays: [2, 5],
  },
];

interface SegmentMix {
  readonly share: number;
  readonly medianSize: number;
  readonly ordersPerMonth: readonly number[];
  readonly channels: readonly string[];
  readonly suffixes: readonly string[];
}

const MIX: readonly SegmentMix[] = [
  {
    share: 0.125,
    medianSize: 12,
    ordersPerMonth: [4],
    channels: ["Grocery", "Discount"],
    suffixes: ["Hypermarkets", "Retail Group", "Supermarkets"],
  },
  {
    share: 0.3,
    medianSize: 3,
    ordersPerMonth: [2, 4],
    channels: ["Grocery", "Convenience", "Drugstore", "Online"],
    suffixes: ["Markt", "Grocers", "Express", "Fresh"],
  },
  {
    share: 0.225,
    medianSize: 2.5,
    ordersPerMonth: [1, 2],
    channels: ["Cash & carry", "Distributor"],
    suffixes: ["Cash & Carry", "Wholesale", "Distribution"],
  },
  {
    share: 0.35,
    medianSize: 0.6,
    ordersPerMonth: [1, 2],
    channels: ["Food service", "Vending", "Hotels"],
    suffixes: ["Hotels", "Catering", "Cafés", "Restaurants"],
  },
];

const PREFIXES = [
  "Fresh",
  "Nord",
  "Sun",
  "Green",
  "City",
  "Alpen",
  "Royal",
  "Urban",
  "Metro",
  "Coast",
  "Harbour",
  "Valley",
  "Euro",
  "Star",
  "Linden",
  "Oak",
  "River",
  "Baltic",
  "Atlantic",
  "Sierra",
  "Lago",
  "Castle",
  "Park",
  "Bright",
  "Golden",
  "Silver",
  "Maple",
  "Cedar",
  "Summit",
  "Meadow",
  "Prime",
  "Daily",
  "Corner",
  "Market",
  "Central",
  "Pioneer",
  "Horizon",
  "Orchard",
  "Bay",
  "Crown",
];

/** About 40 customers per scale step, in fixed segment proportions. */
export function buildCustomers(seed: number, scale: number): Customer[] {
  const rng = stream(seed, "customers");
  const total = 40 * scale;
  const customers: Customer[] = [];
  SEGMENTS.forEach((segment, s) => {
    const mix = MIX[s]!;
    const count = s === SEGMENTS.length - 1 ? total - customers.length : Math.round(total * mix.share);
    for (let k = 0; k < count; k++) {
      const index = customers.length;
      const dc = pickRegion(rng.float());
      const prefix = PREFIXES[(index * 7 + s) % PREFIXES.length]!;
      const round = Math.floor(index / PREFIXES.length);
      customers.push({
        index,
        code: `CUST-${String(index + 1).padStart(4, "0")}`,
        name: `${prefix} ${rng.pick(mix.suffixes)}${round > 0 ? ` ${round + 1}` : ""}`,
        segment,
        channel: rng.pick(mix.channels),
        region: DCS[dc]!.region,
        dc,
        size: rng.logNormal(mix.medianSize, 0.6),
        ordersPerMonth: rng.pick(mix.ordersPerMonth),
        orderWeekday: rng.int(0, 4),
      });
    }
  });
  return customers;
}

function pickRegion(u: number): number {
  let acc = 0;
  for (let i = 0; i < REGION_WEIGHTS.length; i++) {
    acc += REGION_WEIGHTS[i]!;
    if (u < acc) return i;
  }
  return REGION_WEIGHTS.length - 1;
}
