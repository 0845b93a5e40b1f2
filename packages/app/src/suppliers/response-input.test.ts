import { describe, expect, it } from "vitest";
import { checkResponses, type ResponseInput } from "./response-input";

const own = {
  supplier: "SUP-03",
  skus: new Set(["RM-BTL-050", "RM-BTL-100"]),
  periods: ["2026-03", "2026-04"],
};
const good: ResponseInput = {
  sku: "RM-BTL-050",
  period: "2026-03",
  capacity: 900,
  leadTimeDays: 14,
  status: "counter",
};
const refusal = (rows: ResponseInput[]) => {
  try {
    checkResponses(rows, own);
  } catch (error) {
    return (error as Error).message;
  }
  return null;
};

describe("a supplier's submission", () => {
  it("accepts confirmations and counter-proposals for its own parts in the horizon", () => {
    expect(refusal([good, { ...good, period: "2026-04", status: "confirmed", capacity: 0 }])).toBeNull();
  });

  it("refuses the whole submission at the first bad row, naming it", () => {
    expect(refusal([good, { ...good, sku: "RM-CAP-26" }])).toBe(
      "row 2 (RM-CAP-26 2026-03): RM-CAP-26 is not a part SUP-03 supplies; nothing was saved",
    );
    expect(refusal([{ ...good, period: "2027-01" }])).toContain(
      "2027-01 is not in the planning horizon 2026-03…2026-04",
    );
    expect(refusal([{ ...good, capacity: -1 }])).toContain("capacity is -1, not a non-negative number");
    expect(refusal([{ ...good, capacity: Number.NaN }])).toContain("capacity is NaN");
    expect(refusal([{ ...good, leadTimeDays: 3.5 }])).toContain(
      "lead time is 3.5, not a whole number of days",
    );
    expect(refusal([good, good])).toBe(
      "row 2 (RM-BTL-050 2026-03): this SKU and period appear twice; nothing was saved",
    );
    expect(refusal([])).toBe("the submission has no rows");
  });
});
