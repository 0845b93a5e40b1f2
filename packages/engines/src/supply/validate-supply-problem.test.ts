import type { PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { generateSupplyProblem } from "./examples/generate-supply-problem";
import { redTomatoProblem } from "./examples/red-tomato";
import type { SupplyProblem } from "./supply-problem";
import { validateSupplyProblem } from "./validate-supply-problem";

const base = generateSupplyProblem(3, { skus: 3, months: 6, plants: 1, dcs: 1, components: 2 });

function messagesFor(problem: SupplyProblem) {
  return validateSupplyProblem(problem).map((i) => `${i.entity} ${i.key}: ${i.message}`);
}

describe("supply problem validation", () => {
  it("accepts the textbook case and generated networks", () => {
    expect(validateSupplyProblem(redTomatoProblem({ integerWorkforce: true }))).toEqual([]);
    expect(validateSupplyProblem(base)).toEqual([]);
  });

  it("reports an empty or broken horizon", () => {
    expect(messagesFor({ ...base, periods: [], frozenPeriods: 0 })).toContain(
      "periods : the horizon has no periods",
    );
    const gap = ["2026-01", "2026-03"] as PeriodKey[];
    expect(messagesFor({ ...base, periods: gap })).toContain("periods 2026-03: periods are not consecutive");
  });

  it("names a scheduled receipt of an unknown SKU or location, or a negative quantity", () => {
    const sku = base.items[0]!.sku;
    const period = "2026-02" as PeriodKey;
    const problem: SupplyProblem = {
      ...base,
      scheduledReceipts: [
        { sku: "GHOST", location: "PLANT-1", period, quantity: 5 },
        { sku, location: "NOWHERE", period, quantity: 5 },
        { sku, location: "PLANT-1", period, quantity: -1 },
      ],
    };
    expect(messagesFor(problem)).toEqual([
      'scheduledReceipts GHOST@PLANT-1/2026-02: unknown SKU "GHOST"',
      `scheduledReceipts ${sku}@NOWHERE/2026-02: unknown location "NOWHERE"`,
      `scheduledReceipts ${sku}@PLANT-1/2026-02: quantity is -1, not a non-negative number`,
    ]);
  });

  it("names demand for an unknown SKU and a period outside the horizon", () => {
    const problem = {
      ...base,
      demand: [
        ...base.demand,
        { sku: "GHOST", location: "DC-1", segment: "RETAIL", period: "2027-01" as PeriodKey, quantity: 5 },
      ],
    };
    expect(messagesFor(problem)).toEqual(
      expect.arrayContaining([
        'demand GHOST@DC-1/RETAIL/2027-01: unknown SKU "GHOST"',
        'demand GHOST@DC-1/RETAIL/2027-01: unknown period in the horizon "2027-01"',
      ]),
    );
  });

  it("finds a BOM cycle", () => {
    const problem = {
      ...base,
      bom: [...base.bom, { parent: "COMP-1", component: "SKU-1", quantityPer: 1 }],
    };
    expect(
      messagesFor(problem).some((m) => m.startsWith("bom") && m.includes("cycle") && m.includes("COMP-1")),
    ).toBe(true);
  });

  it("rejects negative and fractional lead times", () => {
    const problem = {
      ...base,
      supplierItems: [{ ...base.supplierItems[0]!, leadTimePeriods: -1 }, ...base.supplierItems.slice(1)],
      lanes: [{ ...base.lanes[0]!, leadTimePeriods: 0.5 }],
    };
    const messages = messagesFor(problem);
    expect(messages).toContain(
      `supplierItems SUP-1/COMP-1@PLANT-1: lead time is -1, not a whole number of periods ≥ 0`,
    );
    expect(messages).toContain(`lanes PLANT-1>DC-1: lead time is 0.5, not a whole number of periods ≥ 0`);
  });

  it("flags firm production on a resource with zero capacity, and demand nothing can supply", () => {
    const closed = base.resources.map((r) => ({
      ...r,
      regularHours: r.regularHours.map(() => 0),
      maxOvertimeHours: r.maxOvertimeHours.map(() => 0),
    }));
    const problem = {
      ...base,
      resources: closed,
      production: base.production.map(({ subcontract: _, ...option }) => option),
      openingInventory: [],
    };
    const messages = messagesFor(problem);
    expect(messages).toContain(
      "firmProduction SKU-1@PLANT-1/2026-01: 10 units are committed but a resource it needs has no capacity in 2026-01",
    );
    expect(messages).toContain(
      "demand SKU-2: SKU-2 is demanded but has no capacity, subcontractor, supplier or stock anywhere",
    );
  });

  it("reports NaN, negative money and wrong-length calendars instead of planning with them", () => {
    const problem = {
      ...base,
      demand: [{ ...base.demand[0]!, quantity: Number.NaN }, ...base.demand.slice(1)],
      items: [
        { ...base.items[0]!, holdingCostPerPeriod: -5 },
        ...base.items.slice(1),
      ] as SupplyProblem["items"],
      resources: [{ ...base.resources[0]!, regularHours: [100] }, ...base.resources.slice(1)],
    };
    const messages = messagesFor(problem);
    expect(messages).toContain(
      "demand SKU-1@DC-1/RETAIL/2026-01: quantity is NaN, not a non-negative number",
    );
    expect(messages).toContain("items SKU-1: holding cost is -5, not a non-negative amount in minor units");
    expect(messages).toContain("resources RES-1-1: regular hours has 1 values for 6 periods");
  });
});
