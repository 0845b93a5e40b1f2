import { describe, expect, it } from "vitest";
import { describeCause, utilisationBand } from "./supply-labels";

describe("supply labels", () => {
  it("names the limit behind a shortage and when it bound", () => {
    expect(
      describeCause({ kind: "resource", resource: "P1-FILL-1", period: "2027-03", shadowPrice: 12 }),
    ).toBe("P1-FILL-1 full in Mar 2027");
    expect(
      describeCause({ kind: "supplier", supplier: "SUP-01", component: "RM-CONC", period: "2026-12" }),
    ).toBe("SUP-01 cannot deliver more RM-CONC in Dec 2026");
    expect(describeCause({ kind: "cost" })).toBe("Serving costs more than the shortage");
  });

  it("bands utilisation so that only load beyond regular hours reads as overtime", () => {
    expect([0, 69.9, 70, 89.9, 90, 100, 100.5].map(utilisationBand)).toEqual([
      "low",
      "low",
      "medium",
      "medium",
      "high",
      "high",
      "over",
    ]);
  });
});
