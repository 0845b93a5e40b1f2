import { describe, expect, it } from "vitest";
import { KPI_CATALOGUE, KPI_CODES, kpiDefinition, kpiStatus } from "./kpi-catalogue";

const def = (code: string) => kpiDefinition(code)!;

describe("KPI catalogue", () => {
  it("defines every code once, with a definition and a default target", () => {
    expect(KPI_CATALOGUE.map((k) => k.code)).toEqual([...KPI_CODES]);
    for (const k of KPI_CATALOGUE) {
      expect(k.definition.length).toBeGreaterThan(40);
      expect(Number.isFinite(k.defaultTarget)).toBe(true);
    }
    expect(kpiDefinition("no_such_kpi")).toBeUndefined();
  });
});

describe("kpiStatus", () => {
  it("grades a higher-is-better share: at target on, within 5 % of it near, further off", () => {
    // Target 0.95: near down to 0.95 − 0.05·0.95 = 0.9025.
    expect(kpiStatus(def("otif"), 0.96, 0.95)).toBe("on-target");
    expect(kpiStatus(def("otif"), 0.95, 0.95)).toBe("on-target");
    expect(kpiStatus(def("otif"), 0.91, 0.95)).toBe("near");
    expect(kpiStatus(def("otif"), 0.9, 0.95)).toBe("off-target");
  });

  it("grades a lower-is-better KPI the other way", () => {
    // WAPE target 0.30: near up to 0.315.
    expect(kpiStatus(def("forecast_wape"), 0.29, 0.3)).toBe("on-target");
    expect(kpiStatus(def("forecast_wape"), 0.31, 0.3)).toBe("near");
    expect(kpiStatus(def("forecast_wape"), 0.33, 0.3)).toBe("off-target");
  });

  it("grades bias on its size, and money against a zero target strictly", () => {
    expect(kpiStatus(def("forecast_bias"), -0.04, 0.05)).toBe("on-target");
    expect(kpiStatus(def("forecast_bias"), -0.2, 0.05)).toBe("off-target");
    expect(kpiStatus(def("lost_sales"), 0, 0)).toBe("on-target");
    expect(kpiStatus(def("lost_sales"), 1, 0)).toBe("off-target");
    // A share with a zero target is near within 0.05 of it.
    expect(kpiStatus(def("forecast_value_added"), -0.03, 0)).toBe("near");
  });

  it("has no status without a value", () => {
    expect(kpiStatus(def("otif"), null, 0.95)).toBeNull();
  });
});
