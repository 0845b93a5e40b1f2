import { describe, expect, it } from "vitest";
import { canApproveConsensus, canEditDemandLayer } from "./roles";

describe("demand layer rights", () => {
  it("lets each function edit its own layer and the demand planner every layer but the statistical", () => {
    expect(canEditDemandLayer("sales", "demand.sales")).toBe(true);
    expect(canEditDemandLayer("sales", "demand.consensus")).toBe(false);
    expect(canEditDemandLayer("marketing", "demand.marketing")).toBe(true);
    expect(canEditDemandLayer("marketing", "demand.sales")).toBe(false);
    for (const layer of ["demand.sales", "demand.marketing", "demand.product", "demand.consensus"])
      expect(canEditDemandLayer("demand_planner", layer)).toBe(true);
    expect(canEditDemandLayer("demand_planner", "demand.statistical")).toBe(false);
    expect(canEditDemandLayer("executive", "demand.consensus")).toBe(false);
  });

  it("leaves the consensus approval to the demand planner and administrators", () => {
    expect(canApproveConsensus("demand_planner")).toBe(true);
    expect(canApproveConsensus("admin")).toBe(true);
    expect(canApproveConsensus("sales")).toBe(false);
  });
});
