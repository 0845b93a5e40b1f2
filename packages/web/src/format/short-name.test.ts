import { describe, expect, it } from "vitest";
import { shortName } from "./short-name";

describe("shortName", () => {
  it("drops the brand and family the item sits under", () => {
    expect(shortName("Sunny Valley Orange juice Classic 1 l", ["Sunny Valley", "Orange juice"])).toBe(
      "Classic 1 l",
    );
  });
  it("drops only prefixes that match, in order", () => {
    expect(shortName("Orange juice Classic", ["Sunny Valley", "Orange juice"])).toBe("Classic");
    expect(shortName("Classic Orange juice", ["Sunny Valley", "Orange juice"])).toBe("Classic Orange juice");
  });
  it("keeps the full name when nothing would be left", () => {
    expect(shortName("Orange juice", ["Orange juice"])).toBe("Orange juice");
  });
});
