// A 2,000-SKU company generates with its hierarchy, network and history grown with it.

import { describe, expect, it } from "vitest";
import { defaultDemoCompany } from "./default-demo-company";

describe("a 2,000-SKU demo company", () => {
  // Generating 2,000 SKUs takes ~2 s alone; a busy machine can make it several times that.
  it("generates with 2,000 finished SKUs and grows its rows about linearly", { timeout: 30_000 }, () => {
    const small = defaultDemoCompany().rows;
    const big = defaultDemoCompany({ skuCount: 2000 }).rows;
    expect(big.items!.filter((r) => r.item_type === "finished")).toHaveLength(2000);
    const growth = big.sales_history!.length / small.sales_history!.length;
    expect(growth).toBeGreaterThan(8);
    expect(growth).toBeLessThan(20);
    expect(big.resources!.length).toBeGreaterThan(10);
    expect(big.customers!.length).toBeGreaterThan(40);
  });
});
