import { describe, expect, it } from "vitest";
import { autoForecast } from "../auto-forecast";
import type { Forecast } from "../forecast-types";
import { normalGenerator } from "../numeric/prng";
import { coherentForecast } from "./coherent-bands";
import { buildHierarchy, sumUp } from "./hierarchy-tree";

const noise = normalGenerator(17);
// Total → family → three SKUs with different levels and seasonal strengths, 36 months.
const nodes = [
  { id: "ALL", parent: null },
  { id: "FAM", parent: "ALL" },
  { id: "S1", parent: "FAM" },
  { id: "S2", parent: "FAM" },
  { id: "S3", parent: "ALL" },
];
const leaves: Record<string, number[]> = {
  S1: Array.from({ length: 36 }, (_, t) => 120 + 30 * Math.sin((2 * Math.PI * t) / 12) + 10 * noise()),
  S2: Array.from({ length: 36 }, (_, t) => 60 + 0.8 * t + 8 * noise()),
  S3: Array.from({ length: 36 }, () => Math.max(0, 40 + 12 * noise())),
};

describe("coherent forecasts with bands", () => {
  const built = buildHierarchy(nodes);
  if (!built.ok) throw new Error(built.issues.join());
  const { tree } = built;
  const histories = sumUp(
    tree,
    tree.ids.map((id) => [...(leaves[id] ?? new Array<number>(36).fill(0))]),
  );
  const forecasts: Forecast[] = histories.map((values) => {
    const result = autoForecast({ values, horizon: 6, period: 12 });
    if (!result.ok) throw new Error(result.issues.join());
    return result.forecast;
  });
  const coherent = coherentForecast(tree, forecasts, histories);

  it("makes every aggregate's median the sum of its children's", () => {
    const p50 = (id: string) => coherent.bands[tree.indexOf.get(id)!]!.p50;
    for (let j = 0; j < 6; j++) {
      expect(p50("FAM")[j]).toBeCloseTo(p50("S1")[j]! + p50("S2")[j]!, 6);
      expect(p50("ALL")[j]).toBeCloseTo(p50("FAM")[j]! + p50("S3")[j]!, 6);
    }
    expect(coherent.method).toBe("mint-shrink");
  });

  it("keeps each node's own band around its reconciled median, narrower than summed bands", () => {
    coherent.bands.forEach((band, i) => {
      const own = forecasts[i]!;
      const p10 = own.quantiles.find((q) => q.level === 0.1)!.values;
      for (let j = 0; j < 6; j++) {
        expect(band.p10[j]).toBeLessThanOrEqual(band.p50[j]!);
        expect(band.p90[j]).toBeGreaterThanOrEqual(band.p50[j]!);
        if (band.p10[j]! > 0) expect(band.p50[j]! - band.p10[j]!).toBeCloseTo(own.point[j]! - p10[j]!, 6);
      }
    });
    const all = coherent.bands[tree.indexOf.get("ALL")!]!;
    const summedWidth = ["S1", "S2", "S3"].reduce((sum, id) => {
      const b = coherent.bands[tree.indexOf.get(id)!]!;
      return sum + (b.p90[0]! - b.p10[0]!);
    }, 0);
    expect(all.p90[0]! - all.p10[0]!).toBeLessThan(summedWidth);
  });
});
