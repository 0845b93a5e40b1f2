// Money is an integer count of the currency's minor unit (cents for EUR/USD), so sums are exact.
// Safe range: |amount| < 2^53 minor units (about 90 trillion euros), checked on every parse.

declare const moneyBrand: unique symbol;
export type Money = number & { readonly [moneyBrand]: true };

export interface Currency {
  readonly code: string;
  /** Digits after the decimal point: 2 for EUR/USD, 0 for JPY. */
  readonly minorDigits: number;
}

export const EUR: Currency = { code: "EUR", minorDigits: 2 };

/**
 * Parses a decimal amount ("1234.5", "-3", "1,234.50" is rejected) into minor units, exactly,
 * without going through floating point. Null when the text is not an amount or has more decimals
 * than the currency allows.
 */
export function parseMoney(text: string, currency: Currency): Money | null {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return null;
  const fraction = m[3] ?? "";
  if (fraction.length > currency.minorDigits) return null;
  const minor = Number(m[2] + fraction.padEnd(currency.minorDigits, "0"));
  if (!Number.isSafeInteger(minor)) return null;
  return (m[1] ? -minor : minor) as Money;
}

/** Converts a number of major units (e.g. a price computed in floating point) to minor units. */
export function moneyFromMajor(amount: number, currency: Currency): Money {
  return Math.round(amount * 10 ** currency.minorDigits) as Money;
}

/** Formats minor units as a plain decimal string ("1234.50"), the form imports and exports use. */
export function formatMoney(amount: Money | number, currency: Currency): string {
  const negative = amount < 0;
  const digits = String(Math.abs(Math.round(amount))).padStart(currency.minorDigits + 1, "0");
  const cut = digits.length - currency.minorDigits;
  const text = currency.minorDigits === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
  return negative ? `-${text}` : text;
}
