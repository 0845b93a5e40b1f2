import { describe, expect, it } from "vitest";
import { resolveTarget } from "./kpi-target-service";

describe("resolveTarget", () => {
  const inForce = [
    { kpi: "otif", scope: "company", target: 0.9 },
    { kpi: "otif", scope: "segment:KEY", target: 0.98 },
    { kpi: "plan_attainment", scope: "group:FAM-A", target: 0.8 },
  ];

  it("takes the scope's own target over the company's", () => {
    expect(resolveTarget(inForce, "otif", "segment:KEY")).toEqual({ target: 0.98, source: "segment:KEY" });
    expect(resolveTarget(inForce, "otif", "segment:RETAIL")).toEqual({ target: 0.9, source: "company" });
  });

  it("falls back to the KPI catalogue's default when nobody set one", () => {
    expect(resolveTarget(inForce, "forecast_bias", "group:FAM-A")).toEqual({
      target: 0.05,
      source: "default",
    });
    expect(resolveTarget(inForce, "plan_attainment", "group:FAM-A").target).toBe(0.8);
    expect(resolveTarget(inForce, "plan_attainment", "group:FAM-B")).toEqual({
      target: 0.95,
      source: "default",
    });
  });
});
