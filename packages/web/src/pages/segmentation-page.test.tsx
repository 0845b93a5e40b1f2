import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DANA } from "../testing/fixtures";
import { renderAt, stubApi } from "../testing/render";
import { SegmentationPage } from "./segmentation-page";

const at = { path: "/demand/segmentation", route: "/demand/segmentation" };
const TARGETS = { AX: 98, AY: 97, AZ: 95, BX: 97, BY: 95, BZ: 93, CX: 95, CY: 92, CZ: 90 };
const SEGMENTATION = {
  by: "revenue",
  segment: null,
  from: "2025-12",
  to: "2026-11",
  items: [
    {
      key: "S1",
      name: "Orange",
      family: "FAM-A",
      value: 12_000,
      share: 0.7,
      cumulativeShare: 0.7,
      cv: 0,
      abc: "A",
      xyz: "X",
      class: "AX",
      targetPct: 98,
    },
    {
      key: "S3",
      name: "Pear",
      family: "FAM-A",
      value: 2_000,
      share: 0.12,
      cumulativeShare: 1,
      cv: 3.3,
      abc: "B",
      xyz: "Z",
      class: "BZ",
      targetPct: null,
    },
  ],
  matrix: ["AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ"].map((c) => ({
    class: c,
    items: c === "AX" || c === "BZ" ? 1 : 0,
    value: 0,
    share: c === "AX" ? 0.7 : c === "BZ" ? 0.12 : 0,
  })),
  defaultTargets: TARGETS,
};

describe("SegmentationPage", () => {
  it("shows the matrix and sends the targets per class the planner set", async () => {
    const fetchMock = stubApi({
      "GET /api/auth/me": DANA,
      "GET /api/demand/segmentation": SEGMENTATION,
      "POST /api/demand/segmentation/targets": {
        rows: 2,
        inserted: 1,
        updated: 1,
        unchanged: 0,
        status: "imported",
        entity: "service_level_targets",
      },
    });
    renderAt(<SegmentationPage />, at);
    const matrix = await screen.findByTestId("abc-matrix");
    expect(matrix.querySelector('td[data-class="AX"]')?.textContent).toContain("1 SKUs");
    expect(matrix.querySelector('td[data-class="AX"]')?.textContent).toContain("70.0");
    fireEvent.change(screen.getByLabelText("Target service level of BZ"), { target: { value: "94" } });
    fireEvent.click(await screen.findByTestId("segmentation-apply"));
    expect((await screen.findByTestId("segmentation-applied")).textContent).toContain("2 targets imported");
    await waitFor(() => {
      const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST");
      expect(JSON.parse(String(post?.[1]?.body))).toEqual({ by: "revenue", targets: { ...TARGETS, BZ: 94 } });
    });
    expect(screen.getByTestId("segmentation-skus").textContent).toContain("Pear");
  });
});
