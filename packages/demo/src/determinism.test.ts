// The same seed and size always give the same company; another seed gives another history.

import { describe, expect, it } from "vitest";
import { defaultDemoCompany } from "./default-demo-company";
import { generateDemoCompany } from "./generate-demo-company";

describe("demo company determinism", () => {
  it("gives identical rows for the same seed and size", () => {
    const a = defaultDemoCompany({ skuCount: 40 });
    const b = defaultDemoCompany({ skuCount: 40 });
    expect(b).toEqual(a);
  });

  it("gives a different sales history for a different seed", () => {
    const a = defaultDemoCompany({ skuCount: 40, seed: 1 });
    const b = defaultDemoCompany({ skuCount: 40, seed: 2 });
    expect(b.rows.sales_history).not.toEqual(a.rows.sales_history);
  });

  it("works without M1 shapes and says plainly which options it cannot honour", () => {
    const options = { seed: 7, skuCount: 20, asOf: "2026-03-05", historyMonths: 24, m1: [] };
    expect(generateDemoCompany(options).rows.items!.length).toBeGreaterThan(20);
    expect(() => generateDemoCompany({ ...options, skuCount: 3 })).toThrow(RangeError);
    expect(() => generateDemoCompany({ ...options, historyMonths: 6 })).toThrow(RangeError);
    expect(() => generateDemoCompany({ ...options, asOf: "2026-02-30" })).toThrow(RangeError);
  });
});
