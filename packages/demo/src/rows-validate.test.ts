// Every generated row passes the same import validation a user's file would, with the typed
// values the validator itself produces.

import { ENTITIES, EUR, type ImportRow, ImportValidator, rowKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { BUNDLED_M1, defaultDemoCompany } from "./default-demo-company";
import type { DemoCompany } from "./demo-options";
import { generateDemoCompany } from "./generate-demo-company";
import { cells } from "./test-support";

const companies: [string, () => DemoCompany][] = [
  ["the default demo company", () => defaultDemoCompany()],
  [
    "a small company with the shortest history and asOf on a month's first day",
    () =>
      generateDemoCompany({ seed: 5, skuCount: 12, asOf: "2024-03-01", historyMonths: 13, m1: BUNDLED_M1 }),
  ],
  [
    "a company with five years of history and no M1 shapes",
    () => generateDemoCompany({ seed: 9, skuCount: 60, asOf: "2027-01-31", historyMonths: 60, m1: [] }),
  ],
];

describe.each(companies)("%s's rows", (_, make) => {
  const company = make();

  it("has rows for every entity in the catalogue, each row with every column", () => {
    for (const entity of ENTITIES) {
      const rows = company.rows[entity.name];
      expect(rows?.length, entity.name).toBeGreaterThan(0);
      const columns = entity.columns.map((c) => c.name).sort();
      expect(Object.keys(rows![0]!).sort(), entity.name).toEqual(columns);
    }
  });

  it("import in catalogue order without a single issue and come back typed exactly as generated", () => {
    const stored = new Map<string, Set<string>>();
    for (const entity of ENTITIES) {
      const validator = new ImportValidator(entity, {
        file: `${entity.name}.csv`,
        currency: EUR,
        existingKeys: (name) => stored.get(name) ?? new Set(),
        maxIssues: 5,
      });
      validator.header(entity.columns.map((c) => c.name));
      const rows = company.rows[entity.name]!;
      const mismatches: { row: ImportRow; typed: ImportRow | null }[] = [];
      rows.forEach((row, i) => {
        const typed = validator.row(cells(entity, row), i + 2);
        if (!sameRow(typed, row) && mismatches.length < 3) mismatches.push({ row, typed });
      });
      validator.finish();
      expect(validator.issues, entity.name).toEqual([]);
      expect(mismatches, entity.name).toEqual([]);
      if (entity.key.length === 1)
        stored.set(entity.name, new Set(rows.map((r) => String(r[entity.key[0]!]))));
    }
  });

  it("have unique keys in every entity", () => {
    for (const entity of ENTITIES) {
      const rows = company.rows[entity.name]!;
      expect(new Set(rows.map((r) => rowKey(entity, r))).size, entity.name).toBe(rows.length);
    }
  });
});

function sameRow(typed: ImportRow | null, row: ImportRow): boolean {
  if (!typed) return false;
  const keys = Object.keys(typed);
  return keys.length === Object.keys(row).length && keys.every((k) => typed[k] === row[k]);
}
