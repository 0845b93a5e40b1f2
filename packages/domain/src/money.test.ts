import { describe, expect, it } from "vitest";
import { EUR, formatMoney, parseMoney } from "./money";

describe("money in minor units", () => {
  it("parses decimal text exactly, without floating-point drift", () => {
    expect(parseMoney("0.29", EUR)).toBe(29);
    expect(parseMoney("1234.5", EUR)).toBe(123450);
    expect(parseMoney("-3", EUR)).toBe(-300);
  });

  it("rejects what is not an amount in the currency", () => {
    expect(parseMoney("1.234", EUR)).toBeNull();
    expect(parseMoney("1,234.00", EUR)).toBeNull();
    expect(parseMoney("12e3", EUR)).toBeNull();
    expect(parseMoney("99999999999999999", EUR)).toBeNull();
  });

  it("formats back to the text it came from", () => {
    expect(formatMoney(29, EUR)).toBe("0.29");
    expect(formatMoney(-123450, EUR)).toBe("-1234.50");
    expect(formatMoney(5, { code: "JPY", minorDigits: 0 })).toBe("5");
  });
});
