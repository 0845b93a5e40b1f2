import { describe, expect, it } from "vitest";
import { editTarget } from "./edit-target";

describe("editTarget", () => {
  it("turns a total, a change in units and a percentage into whole units", () => {
    expect(editTarget({ kind: "total", value: 1200 }, 1000)).toEqual({ ok: true, target: 1200 });
    expect(editTarget({ kind: "delta", value: -150 }, 1000)).toEqual({ ok: true, target: 850 });
    expect(editTarget({ kind: "percent", percent: 5 }, 1000)).toEqual({ ok: true, target: 1050 });
    // 333 × 1.05 = 349.65 → 350 (nearest unit).
    expect(editTarget({ kind: "percent", percent: 5 }, 333)).toEqual({ ok: true, target: 350 });
  });

  it("refuses a result below zero or a non-number", () => {
    expect(editTarget({ kind: "delta", value: -1001 }, 1000)).toMatchObject({ ok: false });
    expect(editTarget({ kind: "percent", percent: -120 }, 1000)).toMatchObject({ ok: false });
    expect(editTarget({ kind: "total", value: Number.NaN }, 1000)).toMatchObject({ ok: false });
  });
});
