import { describe, expect, it } from "vitest";
import { entity } from "../catalogue/entities";
import { EUR } from "../money";
import { type ImportRow, ImportValidator, type ValidatorContext } from "./import-validator";

function context(
  keys: Record<string, string[]> = {},
  extra: Partial<ValidatorContext> = {},
): ValidatorContext {
  return {
    file: "items.csv",
    currency: EUR,
    existingKeys: (name) => new Set(keys[name] ?? []),
    ...extra,
  };
}

function validate(entityName: string, lines: string[][], ctx: ValidatorContext) {
  const v = new ImportValidator(entity(entityName), ctx);
  const rows: ImportRow[] = [];
  if (v.header(lines[0]!)) {
    lines.slice(1).forEach((cells, i) => {
      const row = v.row(cells, i + 2);
      if (row) rows.push(row);
    });
    v.finish();
  }
  return { issues: v.issues, rows, count: v.issueCount };
}

const ITEM_HEADER = ["sku", "name", "item_type", "group_code", "uom", "status", "unit_volume"];
const known = { units_of_measure: ["EA", "KG"], product_groups: ["FAM-A"] };

describe("import validation", () => {
  it("types a good row exactly as the catalogue describes it", () => {
    const { issues, rows } = validate(
      "items",
      [ITEM_HEADER, ["S1", "Juice", "finished", "FAM-A", "EA", "active", "1.5"]],
      context(known),
    );
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      {
        sku: "S1",
        name: "Juice",
        item_type: "finished",
        group_code: "FAM-A",
        uom: "EA",
        status: "active",
        unit_volume: 1.5,
      },
    ]);
  });

  it("names file, row and column for an unknown unit of measure and a negative quantity", () => {
    const { issues } = validate(
      "items",
      [ITEM_HEADER, ["S1", "Juice", "finished", "FAM-A", "BOX", "active", "-2"]],
      context(known),
    );
    expect(issues).toEqual([
      { file: "items.csv", row: 2, column: "uom", value: "BOX", message: 'unknown Unit "BOX"' },
      { file: "items.csv", row: 2, column: "unit_volume", value: "-2", message: "must not be negative" },
    ]);
  });

  it("rejects a date that is not a date, a missing required cell and a bad enum", () => {
    const header = ["sku", "location", "snapshot_date", "on_hand"];
    const { issues } = validate(
      "inventory",
      [header, ["S1", "DC1", "2026-02-30", "5"], ["S1", "", "2026-01-31", "x"]],
      context({ items: ["S1"], locations: ["DC1"] }),
    );
    expect(issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [2, "snapshot_date", "is not a date (use YYYY-MM-DD)"],
      [3, "location", "is required"],
      [3, "on_hand", "is not a number"],
    ]);
  });

  it("reports a duplicate key with the row where it first appeared", () => {
    const header = ["code", "name"];
    const { issues } = validate(
      "units_of_measure",
      [header, ["EA", "Each"], ["KG", "Kilo"], ["EA", "Each again"]],
      context(),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      row: 4,
      column: "code",
      message: expect.stringContaining("first on row 2"),
    });
  });

  it("rejects a BOM line that references itself and a BOM cycle through stored lines", () => {
    const header = ["parent_sku", "component_sku", "qty_per", "scrap_pct"];
    const items = { items: ["A", "B", "C"] };
    const self = validate("bom", [header, ["A", "A", "1", ""]], context(items));
    expect(self.issues[0]).toMatchObject({ row: 2, column: "component_sku", message: "references itself" });

    const stored = new Map([
      ["B\u0001C", ["B", "C"] as const],
      ["C\u0001A", ["C", "A"] as const],
    ]);
    const cycle = validate("bom", [header, ["A", "B", "2", ""]], context(items, { existingEdges: stored }));
    expect(cycle.issues).toHaveLength(1);
    expect(cycle.issues[0]!.message).toBe("forms a cycle: A → B → C → A");
  });

  it("accepts a hierarchy whose parent arrives later in the same file, and rejects an unknown parent", () => {
    const header = ["code", "name", "level", "parent_code"];
    const ok = validate(
      "product_groups",
      [header, ["FAM", "Family", "family", "BRAND"], ["BRAND", "Brand", "brand", ""]],
      context(),
    );
    expect(ok.issues).toEqual([]);
    const bad = validate("product_groups", [header, ["FAM", "Family", "family", "NOPE"]], context());
    expect(bad.issues[0]).toMatchObject({
      row: 2,
      column: "parent_code",
      message: 'unknown product groups "NOPE"',
    });
  });

  it("reports unknown and missing columns on the header row and reads no further", () => {
    const v = new ImportValidator(entity("units_of_measure"), context());
    expect(v.header(["code", "nmae"])).toBe(false);
    expect(v.issues.map((i) => [i.row, i.column, i.message.split(";")[0]])).toEqual([
      [1, "nmae", "unknown column"],
      [1, "name", "required column is missing"],
    ]);
  });

  it("checks date order and one-of rules", () => {
    const header = [
      "code",
      "name",
      "sku",
      "group_code",
      "segment",
      "start_date",
      "end_date",
      "uplift_pct",
      "discount_pct",
    ];
    const ctx = context({ items: ["S1"], product_groups: ["G"], segments: [] });
    const both = validate(
      "promotions",
      [header, ["P1", "Promo", "S1", "G", "", "2026-07-10", "2026-07-01", "20", "10"]],
      ctx,
    );
    expect(both.issues.map((i) => i.message)).toEqual([
      "fill only one of sku, group_code",
      "must not be before start_date (2026-07-10)",
    ]);
  });

  it("parses money into integer minor units and refuses extra decimals", () => {
    const header = ["sku", "segment", "valid_from", "valid_to", "unit_price"];
    const ctx = context({ items: ["S1"], segments: ["R"] });
    const good = validate("prices", [header, ["S1", "R", "2026-01-01", "", "1.95"]], ctx);
    expect(good.rows[0]).toMatchObject({ unit_price: 195, segment: "R", valid_to: null });
    const bad = validate("prices", [header, ["S1", "", "2026-01-01", "", "1.955"]], ctx);
    expect(bad.issues[0]).toMatchObject({
      column: "unit_price",
      message: "is not an amount with at most 2 decimals",
    });
  });

  it("keeps counting issues past the detail limit", () => {
    const lines = [["code", "name"], ...Array.from({ length: 20 }, () => ["", ""])];
    const v = new ImportValidator(entity("units_of_measure"), context({}, { maxIssues: 5 }));
    v.header(lines[0]!);
    for (const [i, cells] of lines.slice(1).entries()) v.row([" x", ...cells.slice(1)], i + 2);
    expect(v.issues).toHaveLength(5);
    expect(v.issueCount).toBe(20);
  });
});
