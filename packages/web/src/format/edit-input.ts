// What a planner types in a plan cell, read the way a spreadsheet user means it: a plain number
// sets the total, a signed number changes it by that many units, and a trailing % changes it by a
// percentage. The server does the spreading; this only decides which kind of edit was typed.

export type CellEdit =
  | { readonly kind: "total"; readonly value: number }
  | { readonly kind: "delta"; readonly value: number }
  | { readonly kind: "percent"; readonly percent: number };

const NUMBER = /^([+\-−]?)\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(%?)$/;

/**
 * "1,200" → total 1200; "+150" / "-150" → a change of ±150 units; "+5%" / "-2.5 %" → ±5 % /
 * ±2.5 %; "5%" → +5 %. Null for anything else (empty text, letters, a negative total).
 */
export function parseCellEdit(text: string): CellEdit | null {
  const match = NUMBER.exec(text.trim());
  if (!match) return null;
  const [, sign, whole, fraction, percent] = match;
  const magnitude = Number(`${whole!.replaceAll(",", "")}${fraction ? `.${fraction}` : ""}`);
  const signed = sign === "-" || sign === "−" ? -magnitude : magnitude;
  if (percent) return { kind: "percent", percent: signed };
  if (sign) return { kind: "delta", value: signed };
  return { kind: "total", value: magnitude };
}
