// The vocabulary for describing a data entity's columns. One description drives the database
// table, the import validation, the templates, the exports and the data browser, so they cannot
// drift apart.

export type ColumnType =
  /** An identifier: trimmed, 1–64 characters, no commas or control characters. */
  | { kind: "code" }
  | { kind: "text"; maxLength?: number }
  /** A whole number. */
  | { kind: "integer"; min?: number; max?: number }
  /** A decimal quantity; `min` defaults to 0 because stock and demand are never negative. */
  | { kind: "quantity"; min?: number; max?: number; allowNegative?: boolean }
  /** A percentage written as 0–100 (not a fraction), e.g. 95 or 97.5. */
  | { kind: "percent"; min?: number; max?: number }
  /** An amount in the company's currency, stored in integer minor units. */
  | { kind: "money"; allowNegative?: boolean }
  | { kind: "date" }
  | { kind: "period" }
  | { kind: "enum"; values: readonly string[] }
  | { kind: "boolean" };

export interface Reference {
  readonly entity: string;
  /** The referenced entity's key column; defaults to its single key. */
  readonly column?: string;
}

export interface ColumnDef {
  /** Header name in files and the database column name (snake_case). */
  readonly name: string;
  readonly label: string;
  readonly type: ColumnType;
  readonly required: boolean;
  readonly references?: Reference;
  readonly description: string;
  /** Shown in the downloadable template's example row. */
  readonly example: string;
}

/** A cross-row or cross-column rule an entity adds on top of its columns. */
export type EntityRule =
  /** At most one of these columns may be filled, and at least one when `required`. */
  | { kind: "oneOf"; columns: readonly string[]; required: boolean }
  /** `before` must not be later than `after` when both are filled. */
  | { kind: "ordered"; before: string; after: string }
  /** The named column references the same entity's key; the graph must be acyclic. */
  | { kind: "acyclic"; from: string; to: string }
  /** Columns that are required only when `when` has one of the given values. */
  | { kind: "requiredWhen"; when: string; values: readonly string[]; columns: readonly string[] };

export interface EntityDef {
  /** Entity name: the table name, the template's file name and the API path. */
  readonly name: string;
  readonly label: string;
  /** The S&OP data area it belongs to, for grouping in the UI. */
  readonly area: "master" | "demand" | "supply" | "finance";
  readonly description: string;
  readonly columns: readonly ColumnDef[];
  /** Columns that identify a row; re-importing a row with the same key updates it. */
  readonly key: readonly string[];
  readonly rules?: readonly EntityRule[];
  /** Large fact tables: imports stream instead of buffering, and browsing pages by key. */
  readonly large?: boolean;
}

export function column(
  name: string,
  label: string,
  type: ColumnType,
  options: { required?: boolean; references?: Reference; description: string; example: string },
): ColumnDef {
  return { name, label, type, required: options.required ?? true, ...options };
}
