import { scheduledReceiptProblem } from "@fulcrum/engines";
import { describe, expect, it } from "vitest";
import { solveCheckedSupply as solve } from "./testing/solve-supply";

// 100 A a month at €10 (lost sales, no goodwill); C costs €2, transport €1; C has no stock and
// can be bought only for March (two months' lead time); 60 C are on order for February.
describe("a scheduled receipt in the optimiser, solved by hand", () => {
  it("makes the 60 on order in February, nothing in January, and buys only March's 100", () => {
    // Lost 100 + 40 × €10 = €1,400; transport 160 × €1 = €160; material only March's 100 × €2 =
    // €200 (the open order is already paid for): €1,760.
    const { plan, objective } = solve(scheduledReceiptProblem());
    expect(plan.production[0]!.made).toEqual([0, 60, 100]);
    expect(plan.purchases[0]!.received).toEqual([0, 0, 100]);
    expect(plan.service[0]!.lost).toEqual([100, 40, 0]);
    expect(plan.inventory.find((row) => row.sku === "C")!.scheduledReceipts).toEqual([0, 60, 0]);
    expect(objective).toBeCloseTo(176_000, 6);
  });

  it("holds what is on order beyond February's need, valued in stock, and buys less in March", () => {
    // 150 C due in February: 100 used then, 50 held to March (€0.10 → €5): March buys 50.
    // Lost 100 × €10 = €1,000; transport 200 × €1; material 50 × €2; holding €5: €1,305.
    const { plan, objective } = solve(scheduledReceiptProblem(150));
    expect(plan.production[0]!.made).toEqual([0, 100, 100]);
    expect(plan.purchases[0]!.received).toEqual([0, 0, 50]);
    const c = plan.inventory.find((row) => row.sku === "C")!;
    expect(c.closing).toEqual([0, 50, 0]);
    expect(c.value[1]).toBe(50 * 200);
    expect(objective).toBeCloseTo(130_500, 6);
  });
});
