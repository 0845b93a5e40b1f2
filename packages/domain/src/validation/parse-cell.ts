// Turns one cell's text into a typed value, or says in plain words why it cannot.

import type { ColumnType } from "../catalogue/column";
import { parseIsoDate } from "../iso-date";
import { type Currency, parseMoney } from "../money";
import { parsePeriod } from "../period";

export type CellValue = string | number | boolean | null;
export type ParsedCell = { ok: true; value: CellValue } | { ok: false; message: string };

const CODE = /^[^\s,;"'\p{Cc}][^,;"\p{Cc}]{0,63}$/u;
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Parses non-empty cell text; emptiness (required or not) is the row validator's business. */
export function parseCell(type: ColumnType, text: string, currency: Currency): ParsedCell {
  const t = text.trim();
  switch (type.kind) {
    case "code":
      return CODE.test(t) && !/\s$/.test(t)
        ? { ok: true, value: t }
        : { ok: false, message: "is not a valid code (1–64 characters, no commas, semicolons or quotes)" };
    case "text": {
      const max = type.maxLength ?? 200;
      return t.length <= max
        ? { ok: true, value: t }
        : { ok: false, message: `is longer than ${max} characters` };
    }
    case "integer": {
      if (!/^-?\d+$/.test(t)) return { ok: false, message: "is not a whole number" };
      return inRange(Number(t), type.min, type.max);
    }
    case "quantity": {
      const n = decimal(t);
      if (n === null) return { ok: false, message: "is not a number" };
      if (n < 0 && !type.allowNegative) return { ok: false, message: "must not be negative" };
      return inRange(n, type.min, type.max);
    }
    case "percent": {
      const n = decimal(t.replace(/%$/, ""));
      if (n === null) return { ok: false, message: "is not a percentage" };
      return inRange(n, type.min ?? 0, type.max ?? 100);
    }
    case "money": {
      const amount = parseMoney(t, currency);
      if (amount === null) {
        return { ok: false, message: `is not an amount with at most ${currency.minorDigits} decimals` };
      }
      if (amount < 0 && !type.allowNegative) return { ok: false, message: "must not be negative" };
      return { ok: true, value: amount };
    }
    case "date": {
      const d = parseIsoDate(t);
      return d ? { ok: true, value: d } : { ok: false, message: "is not a date (use YYYY-MM-DD)" };
    }
    case "period": {
      const p = parsePeriod(t);
      return p ? { ok: true, value: p } : { ok: false, message: "is not a period (use YYYY-MM or YYYY-Www)" };
    }
    case "enum":
      return type.values.includes(t)
        ? { ok: true, value: t }
        : { ok: false, message: `must be one of ${type.values.join(", ")}` };
    case "boolean": {
      const v = t.toLowerCase();
      if (["true", "yes", "1", "y"].includes(v)) return { ok: true, value: true };
      if (["false", "no", "0", "n"].includes(v)) return { ok: true, value: false };
      return { ok: false, message: "must be true or false" };
    }
  }
}

function decimal(t: string): number | null {
  if (!DECIMAL.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

function inRange(n: number, min: number | undefined, max: number | undefined): ParsedCell {
  if (min !== undefined && n < min) return { ok: false, message: `must be at least ${min}` };
  if (max !== undefined && n > max) return { ok: false, message: `must be at most ${max}` };
  return { ok: true, value: n };
}
