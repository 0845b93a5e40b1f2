import { describe, expect, it } from "vitest";
import { buildScenarioChange, initialDraft, inputForField, visibleInputs } from "./scenario-change-draft";

const span = { "periods.from": "2027-01", "periods.to": "2027-03" };

describe("the change a draft makes", () => {
  it("makes a demand change in percent or in units on a node, segment and span", () => {
    const draft = {
      ...initialDraft("demand"),
      "node.kind": "group",
      "node.code": "JUICE",
      segment: "RETAIL",
      ...span,
    };
    expect(buildScenarioChange("demand", { ...draft, amount: "−10" })).toEqual({
      kind: "demand",
      node: { kind: "group", code: "JUICE" },
      segment: "RETAIL",
      periods: { from: "2027-01", to: "2027-03" },
      percent: -10,
    });
    expect(buildScenarioChange("demand", { ...draft, mode: "units", amount: "500", segment: " " })).toEqual({
      kind: "demand",
      node: { kind: "group", code: "JUICE" },
      segment: null,
      periods: { from: "2027-01", to: "2027-03" },
      units: 500,
    });
  });

  it("makes a promotion, a price change with its elasticity and a launch shift", () => {
    expect(
      buildScenarioChange("promotion", {
        "node.kind": "all",
        ...span,
        upliftPercent: "20",
        discountPercent: "15",
      }),
    ).toEqual({
      kind: "promotion",
      node: { kind: "all" },
      segment: null,
      periods: { from: "2027-01", to: "2027-03" },
      upliftPercent: 20,
      discountPercent: 15,
    });
    expect(
      buildScenarioChange("price", {
        "node.kind": "item",
        "node.code": "SKU-0001",
        from: "2027-02",
        percent: "5",
        elasticity: "-1.5",
      }),
    ).toEqual({
      kind: "price",
      node: { kind: "item", code: "SKU-0001" },
      segment: null,
      from: "2027-02",
      percent: 5,
      elasticity: -1.5,
    });
    expect(buildScenarioChange("launch", { sku: "SKU-0009", shiftMonths: "-2" })).toEqual({
      kind: "launch",
      sku: "SKU-0009",
      shiftMonths: -2,
    });
  });

  it("makes a capacity change of hours or a lost line", () => {
    expect(
      buildScenarioChange("capacity", {
        ...initialDraft("capacity"),
        resource: "FILL-1",
        ...span,
        hours: "-80",
      }),
    ).toEqual({
      kind: "capacity",
      resource: "FILL-1",
      periods: { from: "2027-01", to: "2027-03" },
      hours: -80,
    });
    expect(
      buildScenarioChange("capacity", { resource: "FILL-1", ...span, mode: "lineLost", hours: "12" }),
    ).toEqual({
      kind: "capacity",
      resource: "FILL-1",
      periods: { from: "2027-01", to: "2027-03" },
      lineLost: true,
    });
  });

  it("leaves out what a supplier disruption does not give, and makes a service level and a cost change", () => {
    expect(buildScenarioChange("supplier", { supplier: "SUP-1", ...span, extraLeadTimeMonths: "2" })).toEqual(
      {
        kind: "supplier",
        supplier: "SUP-1",
        periods: { from: "2027-01", to: "2027-03" },
        extraLeadTimeMonths: 2,
      },
    );
    expect(
      buildScenarioChange("supplier", {
        supplier: "SUP-1",
        ...span,
        capacityPercent: "40",
        extraLeadTimeMonths: "",
      }),
    ).toEqual({
      kind: "supplier",
      supplier: "SUP-1",
      periods: { from: "2027-01", to: "2027-03" },
      capacityPercent: 40,
    });
    expect(
      buildScenarioChange("inventory_target", { "node.kind": "all", serviceLevelPercent: "98" }),
    ).toEqual({
      kind: "inventory_target",
      node: { kind: "all" },
      serviceLevelPercent: 98,
    });
    expect(
      buildScenarioChange("cost", { ...initialDraft("cost"), element: "material", percent: "7,5" }),
    ).toEqual({
      kind: "cost",
      node: { kind: "all" },
      element: "material",
      percent: 7.5,
    });
  });
});

describe("which input a server error belongs to", () => {
  it("finds the input of the named field, of a node, and of the either-or rules", () => {
    const demand = { ...initialDraft("demand"), "node.kind": "group" };
    expect(inputForField("demand", demand, "periods.from")).toBe("periods.from");
    expect(inputForField("demand", demand, "node")).toBe("node.code");
    expect(inputForField("demand", demand, "percent")).toBe("amount");
    expect(inputForField("demand", demand, "change")).toBe("amount");
    expect(inputForField("supplier", initialDraft("supplier"), "change")).toBe("capacityPercent");
    expect(inputForField("launch", {}, "kind")).toBeNull();
  });

  it("hides the code for all products and the hours of a lost line", () => {
    expect(visibleInputs("cost", { "node.kind": "all" }).map((i) => i.key)).not.toContain("node.code");
    expect(visibleInputs("capacity", { mode: "lineLost" }).map((i) => i.key)).not.toContain("hours");
  });
});
