// Which customers buy each SKU and what share of its demand each takes: a SKU is listed at a
// handful of customers, big ones more likely, and the listing holds for the whole history.

import type { Customer, FinishedSku } from "./company-model";
import { stream } from "./random";

export interface Listing {
  readonly customers: readonly number[];
  /** Share of the SKU's demand per listed customer; sums to 1. */
  readonly shares: readonly number[];
}

export function buildListings(
  seed: number,
  skus: readonly FinishedSku[],
  customers: readonly Customer[],
): Listing[] {
  const sizes = customers.map((c) => c.size);
  return skus.map((sku) => {
    const rng = stream(seed, "listing", sku.index);
    const count = sku.demandKind === "intermittent" ? rng.int(1, 3) : rng.int(3, 8);
    const listed = rng.weightedSample(sizes, count);
    const weights = listed.map((c) => customers[c]!.size * rng.logNormal(1, 0.5));
    const total = weights.reduce((a, b) => a + b, 0);
    return { customers: listed, shares: weights.map((w) => w / total) };
  });
}
