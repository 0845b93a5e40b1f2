import { describe, expect, it } from "vitest";
import type { DemandChildren, DemandGridRow } from "../api/demand";
import { demandLines, keyOf, nodeOfKey } from "./demand-lines";

const row = (kind: DemandGridRow["kind"], code: string | null, children = 0): DemandGridRow => ({
  kind,
  code,
  name: code ?? "All products",
  level: kind,
  children,
  layers: {
    "demand.statistical": [],
    "demand.sales": [],
    "demand.marketing": [],
    "demand.product": [],
    "demand.consensus": [],
  },
  locked: {},
});

// All products ▸ Juices (Orange, Apple), Waters (one SKU, not loaded yet), Teas (no SKUs).
const TOP = [row("all", null, 3), row("group", "FAM-A", 2), row("group", "FAM-B", 1), row("group", "FAM-C")];
const children = new Map<string, DemandChildren>([
  ["group:FAM-A", { status: "ok", rows: [row("item", "S1"), row("item", "S2")] }],
  ["group:FAM-B", { status: "pending" }],
]);

describe("demandLines", () => {
  it("lists the open hierarchy top to bottom, the selected node's layers beneath it and a line for a level still loading", () => {
    const { lines, nodes, lineOf } = demandLines(
      TOP,
      new Set(["all:", "group:FAM-A", "group:FAM-B", "group:FAM-C", "item:S1"]),
      "item:S1",
      (key) => children.get(key),
    );
    expect(lines.map((l) => l.key)).toEqual([
      "all:",
      "group:FAM-A",
      "item:S1",
      "item:S1/demand.statistical",
      "item:S1/demand.sales",
      "item:S1/demand.marketing",
      "item:S1/demand.product",
      "item:S1/demand.consensus",
      "item:S2",
      "group:FAM-B",
      "group:FAM-B/pending",
      "group:FAM-C",
    ]);
    // The node rows the keyboard and the paste move over, and where each is in the lines.
    expect(nodes.map((n) => n.key)).toEqual([
      "all:",
      "group:FAM-A",
      "item:S1",
      "item:S2",
      "group:FAM-B",
      "group:FAM-C",
    ]);
    expect(lineOf).toEqual([0, 1, 2, 8, 9, 11]);
    expect(nodes.map((n) => n.depth)).toEqual([0, 1, 2, 2, 1, 1]);
  });

  it("draws nothing below a closed node", () => {
    const { lines } = demandLines(TOP, new Set(["group:FAM-A"]), "none", (key) => children.get(key));
    expect(lines.map((l) => l.key)).toEqual(["all:"]);
  });

  it("reads a node back from its key, a code with a colon included", () => {
    expect(nodeOfKey(keyOf({ kind: "group", code: "FAM:1" }))).toEqual({ kind: "group", code: "FAM:1" });
    expect(nodeOfKey("all:")).toEqual({ kind: "all", code: null });
  });
});
