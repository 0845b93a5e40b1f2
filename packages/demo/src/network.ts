// Where the demo company makes and ships: two plants and three distribution centres, each DC
// serving one sales region.

import type { Location } from "./company-model";

export const PLANTS: readonly Location[] = [
  { code: "PLANT-1", name: "Hamburg bottling plant", type: "plant", region: "North" },
  { code: "PLANT-2", name: "Valencia bottling plant", type: "plant", region: "South" },
];

export const DCS: readonly Location[] = [
  { code: "DC-NORTH", name: "North distribution centre", type: "dc", region: "North" },
  { code: "DC-SOUTH", name: "South distribution centre", type: "dc", region: "South" },
  { code: "DC-WEST", name: "West distribution centre", type: "dc", region: "West" },
];

/** Share of customers in each DC's region. */
export const REGION_WEIGHTS: readonly number[] = [0.42, 0.33, 0.25];
