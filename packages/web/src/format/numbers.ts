// Number formatting for every figure on screen: one locale (en-US grouping: 1,234,567.5), a true
// minus sign so negative numbers line up in tabular figures, and money from exact minor units.

import type { CompanyCurrency } from "../api/types";

const MINUS = "\u2212";

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(minFraction: number, maxFraction: number): Intl.NumberFormat {
  const key = `${minFraction}:${maxFraction}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: minFraction,
      maximumFractionDigits: maxFraction,
    });
    cache.set(key, format);
  }
  return format;
}

function withMinus(text: string): string {
  return text.startsWith("-") ? MINUS + text.slice(1) : text;
}

/**
 * A quantity with thousands separators and at most `maxFraction` decimals (trailing zeros
 * dropped): 1234567.5 → "1,234,567.5". Negative values use U+2212. Non-finite values → "".
 */
export function formatQuantity(value: number, maxFraction = 2, minFraction = 0): string {
  if (!Number.isFinite(value)) return "";
  // -0 and values that round to zero print as "0", never "−0".
  const rounded = Number(value.toFixed(maxFraction));
  return withMinus(numberFormat(minFraction, maxFraction).format(rounded === 0 ? 0 : rounded));
}

/** A whole count (rows, lines, issues): 61234 → "61,234". */
export function formatCount(value: number): string {
  return formatQuantity(value, 0);
}

/**
 * An amount held in integer minor units, shown in major units with every minor digit:
 * 123456 with EUR (2 digits) → "1,234.56"; 5 → "0.05"; −5 → "−0.05". Exact: no floating point.
 */
export function formatMoney(minor: number, currency: CompanyCurrency): string {
  if (!Number.isFinite(minor)) return "";
  const negative = minor < 0;
  const digits = String(Math.abs(Math.round(minor))).padStart(currency.minorDigits + 1, "0");
  const cut = digits.length - currency.minorDigits;
  const whole = digits.slice(0, cut).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = currency.minorDigits === 0 ? whole : `${whole}.${digits.slice(cut)}`;
  return negative && /[1-9]/.test(digits) ? MINUS + text : text;
}

/** Money in whole major units, for totals where cents are noise: 12345678 (EUR) → "123,457". */
export function formatMoneyRounded(minor: number, currency: CompanyCurrency): string {
  return formatQuantity(minor / 10 ** currency.minorDigits, 0);
}

/** A percentage already on the 0–100 scale: 97.54 → "97.5%". */
export function formatPercent(value: number, maxFraction = 1): string {
  const text = formatQuantity(value, maxFraction);
  return text === "" ? "" : `${text}%`;
}

/**
 * A ratio in percent for a column of figures: always `digits` decimals and no sign, so the
 * decimal points line up (95 → "95.0"); the % belongs in the header.
 */
export function formatPercentFigure(value: number, digits = 1): string {
  return formatQuantity(value, digits, digits);
}

/** Short form for chart axes: 1234 → "1.2K", 2500000 → "2.5M". */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return "";
  const abs = Math.abs(value);
  const [divisor, suffix] =
    abs >= 1e9 ? [1e9, "B"] : abs >= 1e6 ? [1e6, "M"] : abs >= 1e3 ? [1e3, "K"] : [1, ""];
  return `${formatQuantity(value / divisor, abs >= 1e3 ? 1 : 0)}${suffix}`;
}
