// Writes a model as an LP or MPS file, for comparing against native solvers. HiGHS's own writer
// does the formatting; the names are made file-safe first because HiGHS silently drops all names
// when one contains a character the LP format reserves (such as "[" or "-").

import type { LpModel } from "@fulcrum/engines";
import type { Highs } from "highs";
import { toHighsModel } from "./highs-solve";

export type ModelFileFormat = "lp" | "mps";

/** LP or MPS text of the model, with names like `prod(SKU_12@PLANT_1)(2026_03)`. */
export function exportModel(highs: Highs, model: LpModel, format: ModelFileFormat): string {
  const data = {
    ...toHighsModel(highs, model.toArrays()),
    colNames: fileSafeNames(model.variables.map((v) => v.name)),
    rowNames: fileSafeNames(model.constraints.map((c) => c.name)),
  };
  const handle = highs.createModel(data);
  try {
    return format === "lp" ? handle.exportModel("lp") : new TextDecoder().decode(handle.exportModel("mps"));
  } finally {
    handle.dispose();
  }
}

/**
 * Maps names onto letters, digits and `_ . ( ) @ #` — valid in both formats — keeping them
 * unique: a name that collides after mapping gets a `#n` suffix.
 */
export function fileSafeNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = name
      .replaceAll("[", "(")
      .replaceAll("]", ")")
      .replace(/[^A-Za-z0-9_.()@#]/g, "_");
    let safe = /^[A-Za-z_]/.test(base) ? base : `_${base}`;
    for (let n = 2; used.has(safe); n++) safe = `${base}#${n}`;
    used.add(safe);
    return safe;
  });
}
