// Validates an imported file row by row before anything is written: cell types, required cells,
// references to other entities, duplicate keys, and the entity's own rules (date order, one-of,
// self-reference and cycles in the product hierarchy and BOMs). It holds only keys, never rows, so
// a million-row file validates in constant memory per row.

import type { ColumnDef, EntityDef } from "../catalogue/column";
import type { Currency } from "../money";
import type { ImportIssue } from "./import-issue";
import { type CellValue, parseCell } from "./parse-cell";

export type ImportRow = Record<string, CellValue>;

export interface ValidatorContext {
  readonly file: string;
  readonly sheet?: string;
  readonly currency: Currency;
  /** Keys already stored for a referenced entity (single-column keys). */
  existingKeys(entity: string): ReadonlySet<string>;
  /** For entities with an acyclic rule: the stored edges, by row key. */
  readonly existingEdges?: ReadonlyMap<string, readonly [from: string, to: string]>;
  /** Issues kept in detail; the rest are only counted. */
  readonly maxIssues?: number;
}

interface Edge {
  readonly row: number;
  readonly from: string;
  readonly to: string;
}

export class ImportValidator {
  readonly issues: ImportIssue[] = [];
  issueCount = 0;
  rowCount = 0;
  private positions: (number | undefined)[] = [];
  private readonly keyRows = new Map<string, number>();
  private readonly selfRefs: { row: number; column: string; value: string }[] = [];
  private readonly edges = new Map<string, Edge>();
  private readonly maxIssues: number;

  constructor(
    readonly entity: EntityDef,
    private readonly context: ValidatorContext,
  ) {
    this.maxIssues = context.maxIssues ?? 500;
  }

  get ok(): boolean {
    return this.issueCount === 0;
  }

  /** Maps the header row onto the entity's columns. Returns false when no row can be read. */
  header(cells: readonly string[]): boolean {
    const wanted = new Map(this.entity.columns.map((col, i) => [col.name, i]));
    this.positions = this.entity.columns.map(() => undefined);
    cells.forEach((raw, position) => {
      const name = raw.trim().toLowerCase();
      if (name === "") return;
      const index = wanted.get(name);
      if (index === undefined) {
        this.report(
          1,
          raw,
          undefined,
          `unknown column; expected ${this.entity.columns.map((c) => c.name).join(", ")}`,
        );
      } else if (this.positions[index] !== undefined) {
        this.report(1, raw, undefined, "column appears twice");
      } else {
        this.positions[index] = position;
      }
    });
    this.entity.columns.forEach((col, i) => {
      if (col.required && this.positions[i] === undefined)
        this.report(1, col.name, undefined, "required column is missing");
    });
    return this.ok;
  }

  /** Validates one data row; returns the typed row, or null when it has problems. */
  row(cells: readonly string[], rowNumber: number): ImportRow | null {
    if (cells.every((c) => c.trim() === "")) return null;
    this.rowCount++;
    const before = this.issueCount;
    const row: ImportRow = {};
    this.entity.columns.forEach((col, i) => {
      const position = this.positions[i];
      const text = position === undefined ? "" : (cells[position] ?? "");
      row[col.name] = this.cell(col, text, rowNumber);
    });
    if (this.issueCount === before) this.checkRules(row, rowNumber);
    if (this.issueCount === before) this.checkKey(row, rowNumber);
    return this.issueCount === before ? row : null;
  }

  /** Checks what needs the whole file: self-references and cycles. */
  finish(): void {
    const self = this.entity.name;
    const stored = this.context.existingKeys(self);
    for (const ref of this.selfRefs) {
      if (!this.keyRows.has(ref.value) && !stored.has(ref.value)) {
        this.report(ref.row, ref.column, ref.value, `unknown ${self.replace(/_/g, " ")} "${ref.value}"`);
      }
    }
    this.checkCycles();
  }

  private cell(col: ColumnDef, text: string, rowNumber: number): CellValue {
    if (text.trim() === "") {
      if (col.required) this.report(rowNumber, col.name, text, "is required");
      return null;
    }
    const parsed = parseCell(col.type, text, this.context.currency);
    if (!parsed.ok) {
      this.report(rowNumber, col.name, text, parsed.message);
      return null;
    }
    const ref = col.references;
    if (ref && typeof parsed.value === "string") {
      if (ref.entity === this.entity.name) {
        this.selfRefs.push({ row: rowNumber, column: col.name, value: parsed.value });
      } else if (!this.context.existingKeys(ref.entity).has(parsed.value)) {
        this.report(rowNumber, col.name, text, `unknown ${col.label} "${parsed.value}"`);
      }
    }
    return parsed.value;
  }

  private checkRules(row: ImportRow, rowNumber: number): void {
    for (const rule of this.entity.rules ?? []) {
      switch (rule.kind) {
        case "oneOf": {
          const filled = rule.columns.filter((c) => row[c] !== null);
          if (filled.length > 1)
            this.report(rowNumber, filled[1], undefined, `fill only one of ${rule.columns.join(", ")}`);
          if (filled.length === 0 && rule.required) {
            this.report(rowNumber, rule.columns[0], undefined, `fill one of ${rule.columns.join(", ")}`);
          }
          break;
        }
        case "ordered": {
          const a = row[rule.before];
          const b = row[rule.after];
          if (a !== null && b !== null && a !== undefined && b !== undefined && a > b) {
            this.report(rowNumber, rule.after, String(b), `must not be before ${rule.before} (${a})`);
          }
          break;
        }
        case "requiredWhen":
          if (rule.values.includes(String(row[rule.when]))) {
            for (const c of rule.columns) {
              if (row[c] === null)
                this.report(rowNumber, c, undefined, `is required when ${rule.when} is ${row[rule.when]}`);
            }
          }
          break;
        case "acyclic": {
          const from = row[rule.from];
          const to = row[rule.to];
          if (typeof from === "string" && typeof to === "string") {
            if (from === to) this.report(rowNumber, rule.to, to, `references itself`);
            else this.edges.set(this.keyOf(row), { row: rowNumber, from, to });
          }
          break;
        }
      }
    }
  }

  private checkKey(row: ImportRow, rowNumber: number): void {
    const key = this.keyOf(row);
    const first = this.keyRows.get(key);
    if (first !== undefined) {
      const cols = this.entity.key;
      this.report(
        rowNumber,
        cols[0],
        undefined,
        `duplicate key (${cols.map((c) => `${c} ${row[c] ?? "empty"}`).join(", ")}); first on row ${first}`,
      );
    } else {
      this.keyRows.set(key, rowNumber);
    }
  }

  private keyOf(row: ImportRow): string {
    return rowKey(this.entity, row);
  }

  private checkCycles(): void {
    const rule = this.entity.rules?.find((r) => r.kind === "acyclic");
    if (rule?.kind !== "acyclic") return;
    const graph = new Map<string, string[]>();
    const add = (from: string, to: string) => graph.set(from, [...(graph.get(from) ?? []), to]);
    for (const [key, [from, to]] of this.context.existingEdges ?? []) if (!this.edges.has(key)) add(from, to);
    for (const edge of this.edges.values()) add(edge.from, edge.to);
    const cycle = findCycle(graph);
    if (!cycle) return;
    const onCycle = [...this.edges.values()].filter((e) => cycle.includes(e.from) && cycle.includes(e.to));
    for (const edge of onCycle) {
      // Start the path at this row's own edge so the message reads from the row the planner is looking at.
      const at = cycle.indexOf(edge.from);
      const path = [...cycle.slice(at), ...cycle.slice(0, at), edge.from].join(" → ");
      this.report(edge.row, rule.to, edge.to, `forms a cycle: ${path}`);
    }
  }

  private report(row: number, column: string | undefined, value: string | undefined, message: string): void {
    this.issueCount++;
    if (this.issues.length >= this.maxIssues) return;
    const { file, sheet } = this.context;
    this.issues.push({
      file,
      ...(sheet ? { sheet } : {}),
      row,
      ...(column ? { column } : {}),
      ...(value !== undefined ? { value } : {}),
      message,
    });
  }
}

/** The identity of a row: its key columns' values, joined. Empty cells count as one value. */
export function rowKey(entity: EntityDef, row: Readonly<Record<string, CellValue | undefined>>): string {
  return entity.key.map((c) => String(row[c] ?? "")).join("\u0001");
}

/** One cycle in a directed graph as its list of nodes, or null when the graph is acyclic. */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, "open" | "done">();
  for (const start of graph.keys()) {
    if (state.has(start)) continue;
    const stack: { node: string; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, "open");
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const targets = graph.get(top.node) ?? [];
      if (top.next >= targets.length) {
        state.set(top.node, "done");
        stack.pop();
        continue;
      }
      const target = targets[top.next++]!;
      const seen = state.get(target);
      if (seen === "open") {
        const from = stack.findIndex((s) => s.node === target);
        return stack.slice(from).map((s) => s.node);
      }
      if (seen === undefined) {
        state.set(target, "open");
        stack.push({ node: target, next: 0 });
      }
    }
  }
  return null;
}
