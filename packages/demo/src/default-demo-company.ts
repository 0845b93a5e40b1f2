// The demo company the app starts with: 150 SKUs from seed 42 with the bundled M1 shapes.

import m1 from "../data/m1-monthly.json" with { type: "json" };
import type { DemoCompany, DemoOptions, M1Series } from "./demo-options";
import { generateDemoCompany } from "./generate-demo-company";

export const DEFAULT_DEMO_OPTIONS: Omit<DemoOptions, "m1"> = {
  seed: 42,
  skuCount: 150,
  asOf: "2026-11-22",
  historyMonths: 36,
};

/** The real monthly demand shapes bundled with the package (M1 competition, monthly series). */
export const BUNDLED_M1: readonly M1Series[] = m1;

export function defaultDemoCompany(overrides: Partial<Omit<DemoOptions, "m1">> = {}): DemoCompany {
  return generateDemoCompany({ ...DEFAULT_DEMO_OPTIONS, ...overrides, m1: BUNDLED_M1 });
}
