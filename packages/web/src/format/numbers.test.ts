import { describe, expect, it } from "vitest";
import {
  formatCompact,
  formatCount,
  formatMoney,
  formatMoneyRounded,
  formatPercent,
  formatQuantity,
} from "./numbers";

const EUR = { code: "EUR", minorDigits: 2 };
const JPY = { code: "JPY", minorDigits: 0 };
const MINUS = "\u2212";

describe("formatQuantity", () => {
  it("groups thousands and drops trailing zeros", () => {
    expect(formatQuantity(1234567.5)).toBe("1,234,567.5");
    expect(formatQuantity(1500)).toBe("1,500");
    expect(formatQuantity(0.125, 3)).toBe("0.125");
  });
  it("rounds to the allowed decimals", () => {
    expect(formatQuantity(2.3456)).toBe("2.35");
    expect(formatQuantity(1999.6, 0)).toBe("2,000");
  });
  it("uses a true minus sign and never prints minus zero", () => {
    expect(formatQuantity(-1200)).toBe(`${MINUS}1,200`);
    expect(formatQuantity(-0.001)).toBe("0");
  });
  it("prints nothing for values that are not numbers", () => {
    expect(formatQuantity(Number.NaN)).toBe("");
  });
});

describe("formatMoney", () => {
  it("formats minor units exactly with the currency's digits", () => {
    expect(formatMoney(123456, EUR)).toBe("1,234.56");
    expect(formatMoney(5, EUR)).toBe("0.05");
    expect(formatMoney(195, EUR)).toBe("1.95");
    expect(formatMoney(123456789012, EUR)).toBe("1,234,567,890.12");
  });
  it("handles currencies without minor digits", () => {
    expect(formatMoney(1234, JPY)).toBe("1,234");
  });
  it("puts the minus sign before negative amounts", () => {
    expect(formatMoney(-5, EUR)).toBe(`${MINUS}0.05`);
    expect(formatMoney(-0, EUR)).toBe("0.00");
  });
  it("rounds to whole major units for totals", () => {
    expect(formatMoneyRounded(12345678, EUR)).toBe("123,457");
  });
});

describe("counts, percentages and compact figures", () => {
  it("formats counts without decimals", () => {
    expect(formatCount(61234)).toBe("61,234");
  });
  it("formats percentages on the 0–100 scale", () => {
    expect(formatPercent(97.54)).toBe("97.5%");
    expect(formatPercent(100)).toBe("100%");
  });
  it("shortens large axis values", () => {
    expect(formatCompact(950)).toBe("950");
    expect(formatCompact(1234)).toBe("1.2K");
    expect(formatCompact(2_500_000)).toBe("2.5M");
  });
});
