import type { Money } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { type MonitoringFinding, rankByValueAtStake } from "./monitoring-exception";

const finding = (key: string, kind: MonitoringFinding["kind"], value: number): MonitoringFinding => ({
  key,
  kind,
  title: key,
  subject: { type: "sku", code: key },
  periods: [],
  valueAtStake: value as Money,
  measured: null,
  limit: 0,
  units: 0,
});

describe("rankByValueAtStake", () => {
  it("puts the largest value first and breaks ties by kind, then key", () => {
    const ranked = rankByValueAtStake([
      finding("b", "plan-attainment", 0),
      finding("a", "plan-attainment", 0),
      finding("c", "forecast-bias", 0),
      finding("d", "decision-overdue", 10),
    ]);
    expect(ranked.map((f) => f.key)).toEqual(["d", "c", "a", "b"]);
  });
});
