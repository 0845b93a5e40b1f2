import type { PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { checkPlan } from "../check-plan";
import { generateSupplyProblem } from "../examples/generate-supply-problem";
import { redTomatoProblem } from "../examples/red-tomato";
import { scheduledReceiptProblem } from "../examples/scheduled-receipt";
import type { SupplyProblem } from "../supply-problem";
import { chasePlan, levelPlan } from "./level-chase";

const redTomato = redTomatoProblem({ integerWorkforce: true });

describe("chase strategy on Red Tomato Tools", () => {
  // Net requirements: January 1,600 − 1,000 opening = 600, then the demand, June + 500 closing
  // stock = 2,700. Crews at 40 units a worker: 15, 75, 80, 95, 55, 68 (67.5 rounded up).
  const plan = chasePlan(redTomato);

  it("makes each month's net requirement and ends with the closing stock", () => {
    expect(plan.production[0]!.made).toEqual([600, 3000, 3200, 3800, 2200, 2700]);
    expect(plan.inventory[0]!.closing).toEqual([0, 0, 0, 0, 0, 500]);
    expect(plan.capacity[0]!.workers).toEqual([15, 75, 80, 95, 55, 68]);
    expect(checkPlan(redTomato, plan)).toEqual([]);
  });

  it("costs $484,720 by hand", () => {
    // crew 388 worker-months × $640 = 248,320; hires 93 × $300 = 27,900; layoffs 105 × $500 = 52,500;
    // material 15,500 × $10 = 155,000; holding 500 × $2 = 1,000.
    expect(plan.costs.byKind).toMatchObject({
      labour: 24_832_000,
      "hiring-layoff": 8_040_000,
      material: 15_500_000,
      holding: 100_000,
      backlog: 0,
    });
    expect(plan.costs.total).toBe(48_472_000);
  });
});

describe("level strategy on Red Tomato Tools", () => {
  // 15,500 units over 6 months = 2,583⅓ a month; crew ⌈2,583⅓ × 4 / 160⌉ = 65 after 15 layoffs.
  const plan = levelPlan(redTomato);

  it("makes the same every month and lets stock and backlog absorb the season", () => {
    for (const q of plan.production[0]!.made) expect(q).toBeCloseTo(2583.333, 3);
    expect(plan.capacity[0]!.workers).toEqual([65, 65, 65, 65, 65, 65]);
    // April: 950 + 2,583⅓ − 3,800 = −266⅔, backlogged and served in May.
    expect(plan.service[0]!.backlog[3]).toBeCloseTo(266.667, 3);
    expect(plan.inventory[0]!.closing[5]).toBeCloseTo(500, 6);
    expect(checkPlan(redTomato, plan)).toEqual([]);
  });

  it("costs $423,666.67 by hand, between the LP optimum ($422,275) and chase", () => {
    // crew 65 × $640 × 6 = 249,600; layoffs 15 × $500 = 7,500; material 155,000;
    // holding (1,983⅓ + 1,566⅔ + 950 + 0 + 116⅔ + 500) × $2 = 10,233⅓; backlog 266⅔ × $5 = 1,333⅓.
    // Each period's cost of each kind is rounded to the cent, so a few cents may separate them.
    expect(Math.abs(plan.costs.total - 42_366_667)).toBeLessThanOrEqual(6);
  });
});

describe("level and chase on generated networks", () => {
  it("balance every stock position and respect capacity, suppliers and firm commitments", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const problem = generateSupplyProblem(seed, {
        skus: 6,
        months: 12,
        plants: 2,
        dcs: 2,
        components: 4,
        integerWorkforce: seed % 2 === 0,
      });
      for (const plan of [levelPlan(problem), chasePlan(problem)]) {
        expect(checkPlan(problem, plan), `${plan.method} for seed ${seed}`).toEqual([]);
        expect(plan.costs.total).toBeGreaterThan(0);
      }
    }
  });
});

describe("level and chase with a scheduled receipt", () => {
  // C: no stock, bought only from March (two months' lead time), 60 on order due in February.
  // Both strategies propose 100 A a month. January: no C, nothing made, 100 lost. February: the
  // 60 C arrive, 60 A made and sold, 40 lost. March: 100 C bought, 100 A made and sold.
  const problem = scheduledReceiptProblem();

  for (const plan of [levelPlan(problem), chasePlan(problem)]) {
    it(`${plan.method} makes in February what is on order, not in January`, () => {
      expect(plan.production[0]!.made).toEqual([0, 60, 100]);
      expect(plan.purchases[0]!.received).toEqual([0, 0, 100]);
      expect(plan.service[0]!.lost).toEqual([100, 40, 0]);
      const c = plan.inventory.find((row) => row.sku === "C")!;
      expect(c.scheduledReceipts).toEqual([0, 60, 0]);
      expect(c.closing).toEqual([0, 0, 0]);
      expect(checkPlan(problem, plan)).toEqual([]);
    });
  }

  it("are already paid for: material is only the 100 C bought in March", () => {
    // 100 × €2 = €200; with the receipt ignored the plan would buy 160.
    expect(chasePlan(problem).costs.byKind.material).toBe(20_000);
  });

  it("counts a receipt due before the horizon in its first period", () => {
    const early: SupplyProblem = {
      ...problem,
      scheduledReceipts: [{ sku: "C", location: "P", period: "2025-11" as PeriodKey, quantity: 60 }],
    };
    const plan = chasePlan(early);
    expect(plan.production[0]!.made).toEqual([60, 0, 100]);
    expect(checkPlan(early, plan)).toEqual([]);
  });

  it("fail the balance check when a plan leaves the receipt out", () => {
    const plan = chasePlan(problem);
    const withoutReceipt = {
      ...plan,
      inventory: plan.inventory.map((row) => ({
        ...row,
        scheduledReceipts: row.scheduledReceipts.map(() => 0),
      })),
    };
    // February: 0 opening − 60 consumed = −60, against a closing of 0.
    expect(checkPlan(problem, withoutReceipt)).toContain(
      "inventory of C@P in 2026-02 does not balance: -60 in, 0 closing",
    );
  });
});
