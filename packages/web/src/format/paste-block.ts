// What a spreadsheet puts on the clipboard when a block of cells is copied: rows separated by
// newlines, cells by tabs, figures as the sheet showed them ("1,234", "1 234", "1.234,5").

/** The block's rows of cell texts; the newline Excel puts after the last row adds no row. */
export function parsePasteBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines.length > 1 && lines.at(-1) === "") lines.pop();
  return lines.map((line) => line.split("\t"));
}

/** Whether a clipboard text is a block of cells rather than a figure to type into one cell. */
export function isPasteBlock(text: string): boolean {
  return /[\t\r\n]/.test(text);
}

export type PastedFigure =
  | { readonly kind: "empty" }
  | { readonly kind: "figure"; readonly value: number }
  | { readonly kind: "bad"; readonly reason: string };

const COMMA_GROUPS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DOT_GROUPS = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const PLAIN = /^\d+(?:\.\d+)?$/;
const DECIMAL_COMMA = /^\d+,\d+$/;

/**
 * One pasted cell as a total in units. Spaces (also no-break and narrow no-break) and apostrophes
 * are digit-group separators ("1 234", "1'234"). A comma or dot followed by groups of exactly three
 * digits separates thousands and the other mark is the decimal ("1,234.5" and "1.234,5" are both
 * 1234.5); otherwise a single comma or dot is the decimal ("1,5" is 1.5). An empty cell is left as
 * it is; a negative figure, text or a formula error is bad.
 */
export function parsePastedFigure(text: string): PastedFigure {
  const cleaned = text.trim().replace(/[\s\u00a0\u202f']/g, "");
  if (cleaned === "") return { kind: "empty" };
  if (/^[-−(]/.test(cleaned)) return { kind: "bad", reason: "a plan figure cannot be negative" };
  let value: number | null = null;
  if (COMMA_GROUPS.test(cleaned)) value = Number(cleaned.replaceAll(",", ""));
  else if (DOT_GROUPS.test(cleaned)) value = Number(cleaned.replaceAll(".", "").replace(",", "."));
  else if (PLAIN.test(cleaned)) value = Number(cleaned);
  else if (DECIMAL_COMMA.test(cleaned)) value = Number(cleaned.replace(",", "."));
  if (value === null || !Number.isFinite(value)) return { kind: "bad", reason: "not a number" };
  return { kind: "figure", value };
}
