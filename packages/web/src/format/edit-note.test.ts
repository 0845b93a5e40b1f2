import { describe, expect, it } from "vitest";
import type { DemandEditSummary } from "../api/demand";
import { editFor, editNoteText } from "./edit-note";

const edit = (id: number, extra: Partial<DemandEditSummary> = {}): DemandEditSummary => ({
  id,
  measure: "demand.consensus",
  nodeKind: "group",
  nodeCode: "FAM-A",
  from: "2026-12",
  to: "2027-01",
  kind: "total",
  reason: "Key account win",
  comment: "tender signed",
  undoes: null,
  undoneBy: null,
  user: "dana",
  at: "2026-11-22T09:00:00Z",
  ...extra,
});
const FAM = { kind: "group", code: "FAM-A" } as const;
const month = (m: string) => ({ bucket: m, from: m, to: m });

describe("editFor", () => {
  it("finds the newest edit typed at the row, on the layer, over the column", () => {
    const edits = [edit(3, { reason: "Promotion" }), edit(2)];
    expect(editFor(edits, FAM, "demand.consensus", month("2027-01"))?.id).toBe(3);
    expect(editFor(edits, FAM, "demand.consensus", month("2026-11"))).toBeNull();
    expect(editFor(edits, FAM, "demand.sales", month("2027-01"))).toBeNull();
    expect(editFor(edits, { kind: "item", code: "S1" }, "demand.consensus", month("2027-01"))).toBeNull();
  });

  it("skips undone edits and the undos themselves", () => {
    const edits = [edit(5, { kind: "undo", undoes: 4 }), edit(4, { undoneBy: 5 }), edit(2)];
    expect(editFor(edits, FAM, "demand.consensus", month("2026-12"))?.id).toBe(2);
  });

  it("explains a quarter column by an edit in any of its months", () => {
    const q1 = { bucket: "2027-Q1", from: "2027-01", to: "2027-03" };
    expect(editFor([edit(2)], FAM, "demand.consensus", q1)?.id).toBe(2);
  });

  it("matches the company row by its empty code", () => {
    const all = edit(6, { nodeKind: "all", nodeCode: null });
    expect(editFor([all], { kind: "all", code: null }, "demand.consensus", month("2026-12"))?.id).toBe(6);
  });
});

describe("editNoteText", () => {
  it("gives the reason, the comment and who made the edit when", () => {
    expect(editNoteText(edit(2))).toMatch(/^Key account win — tender signed \(dana, 22 Nov 2026, \d\d:00\)$/);
    expect(editNoteText(edit(2, { comment: "" }))).toMatch(/^Key account win \(dana/);
  });
});
