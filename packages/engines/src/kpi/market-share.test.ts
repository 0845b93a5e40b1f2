import { describe, expect, it } from "vitest";
import { marketShare } from "./market-share";

describe("marketShare", () => {
  it("divides units by market size over the rows with market data only", () => {
    // (100 + 50) / (1,000 + 500); the row without a market size is left out.
    expect(
      marketShare([
        { units: 100, marketSize: 1_000 },
        { units: 50, marketSize: 500 },
        { units: 999, marketSize: null },
      ]),
    ).toBeCloseTo(0.1, 12);
  });

  it("is null without market data or with a zero market", () => {
    expect(
      marketShare([
        { units: 10, marketSize: null },
        { units: 5, marketSize: 0 },
      ]),
    ).toBeNull();
  });
});
