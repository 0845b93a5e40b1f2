import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { DemandGrid, DemandGridRow } from "../api/demand";
import { demandGrid, gridRow, stubDemandReview } from "../testing/demand-review-api";
import { DANA } from "../testing/fixtures";
import { cellName } from "../testing/plan-cells";
import { renderAt } from "../testing/render";
import { DemandReviewPage } from "./demand-review-page";

// The statistical forecast one unit under the consensus, so the two rows differ.
const pageRow = (
  kind: DemandGridRow["kind"],
  code: string | null,
  name: string,
  consensus: number[],
  children = 0,
) => gridRow(kind, code, name, consensus, { children, statistical: consensus.map((v) => v - 1) });

const SAM = { user: { username: "sam", displayName: "Sam Sales", role: "sales" } };

const TOP = demandGrid([
  pageRow("all", null, "All products", [300, 400], 1),
  pageRow("group", "FAM-A", "Juices", [100, 200], 2),
]);
const FAMILY = demandGrid([
  pageRow("group", "FAM-A", "Juices", [100, 200], 2),
  pageRow("item", "S1", "Orange", [60, 120]),
  pageRow("item", "S2", "Apple", [40, 80]),
]);

function stub(me: unknown, extra: Record<string, unknown> = {}) {
  return stubDemandReview(
    { top: TOP, family: FAMILY },
    { me, promotionPeriods: ["2026-11", "2026-12"] },
    extra,
  );
}

const rowOf = (code: string) =>
  screen.getAllByTestId("demand-row").find((r) => r.getAttribute("data-node") === code)!;

/** Types a figure into a cell as a planner does: Enter to edit, the text, then leaving the cell. */
function typeInto(cell: HTMLElement, text: string) {
  fireEvent.keyDown(cell, { key: "Enter" });
  const input = within(cell).getByRole("textbox");
  fireEvent.change(input, { target: { value: text } });
  fireEvent.blur(input);
}

describe("DemandReviewPage", () => {
  it("marks an edited figure with its reason and comment, and opens the selected row's comments", async () => {
    const edit = {
      id: 11,
      measure: "demand.consensus",
      nodeKind: "group",
      nodeCode: "FAM-A",
      from: "2026-12",
      to: "2026-12",
      kind: "total",
      reason: "Key account win",
      comment: "tender signed",
      undoes: null,
      undoneBy: null,
      user: "dana",
      at: "2026-11-22T09:00:00Z",
    };
    stub(DANA, {
      "GET /api/plans/versions/3/edits": { edits: [edit] },
      "GET /api/comments?versionId=3&nodeKind=all": { comments: [] },
      "GET /api/comments?versionId=3&nodeKind=group&nodeCode=FAM-A": { comments: [] },
    });
    renderAt(<DemandReviewPage />, { path: "/demand/review", route: "/demand/review" });
    await screen.findByText("Juices");
    const december = rowOf("FAM-A").querySelector('[data-period="2026-12"]')!;
    await waitFor(() =>
      expect(
        within(december as HTMLElement)
          .getByTestId("edit-note")
          .getAttribute("title"),
      ).toMatch(/^Key account win — tender signed \(dana/),
    );
    expect(rowOf("FAM-A").querySelector('[data-period="2026-11"] [data-testid="edit-note"]')).toBeNull();
    expect(await screen.findByText("No comments on All products yet.")).toBeTruthy();
    fireEvent.click(within(rowOf("FAM-A")).getByTestId("demand-select"));
    expect(await screen.findByText("No comments on Juices yet.")).toBeTruthy();
  });

  it("expands a family to its SKUs and sends a typed family figure as an edit with reason and revision", async () => {
    const fetchMock = stub(DANA, {
      "POST /api/plans/versions/3/edits": { editId: 11, revision: 9, changed: 2, before: 100, after: 151 },
    });
    renderAt(<DemandReviewPage />, { path: "/demand/review", route: "/demand/review" });
    await screen.findByText("Juices");
    fireEvent.click(within(rowOf("FAM-A")).getByTestId("demand-toggle"));
    await screen.findByText("Orange");
    fireEvent.click(within(rowOf("FAM-A")).getByText("Juices"));
    expect(screen.getByTestId("demand-export").getAttribute("href")).toBe(
      "/api/plans/versions/3/demand.xlsx?node=FAM-A&nodeKind=group&from=2026-11&to=2026-12&grain=month",
    );
    expect(within(rowOf("S2")).getByLabelText("Apple, Dec 2026: 80").textContent).toBe("80");

    fireEvent.change(screen.getByTestId("demand-reason"), { target: { value: "Promotion" } });
    const cell = within(rowOf("FAM-A")).getByLabelText(cellName("Juices, Nov 2026"));
    typeInto(cell, "151");
    expect((await screen.findByTestId("demand-notice")).textContent).toContain(
      "100 → 151 (2 SKU cells changed)",
    );
    const post = fetchMock.mock.calls.find(
      ([url, init]) => String(url).endsWith("/edits") && init?.method === "POST",
    );
    expect(JSON.parse(String(post![1]!.body))).toEqual({
      measure: "demand.consensus",
      node: "FAM-A",
      nodeKind: "group",
      from: "2026-11",
      to: "2026-11",
      edit: { kind: "total", value: 151 },
      basis: "current",
      reason: "Promotion",
      comment: "",
      expectedRevision: 7,
    });
  });

  it("edits a quarter as a whole: the figure typed on Q1 covers its three months", async () => {
    const QUARTERS: DemandGrid = {
      ...TOP,
      grain: "quarter",
      periods: ["2026-11", "2026-12", "2027-01", "2027-02", "2027-03"],
      buckets: [
        { bucket: "2026-Q4", from: "2026-11", to: "2026-12" },
        { bucket: "2027-Q1", from: "2027-01", to: "2027-03" },
      ],
    };
    const fetchMock = stub(DANA, {
      "GET /api/plans/versions/3/demand?from=2026-11&grain=quarter": QUARTERS,
      "POST /api/plans/versions/3/edits": { editId: 12, revision: 9, changed: 6, before: 400, after: 420 },
    });
    renderAt(<DemandReviewPage />, { path: "/demand/review", route: "/demand/review" });
    await screen.findByText("Juices");
    fireEvent.change(screen.getByTestId("demand-grain"), { target: { value: "quarter" } });
    const cell = await within(rowOf("FAM-A")).findByLabelText(cellName("Juices, Q1 2027"));
    typeInto(cell, "+5%");
    await screen.findByTestId("demand-notice");
    const post = fetchMock.mock.calls.find(
      ([url, init]) => String(url).endsWith("/edits") && init?.method === "POST",
    );
    expect(JSON.parse(String(post![1]!.body))).toMatchObject({
      from: "2027-01",
      to: "2027-03",
      edit: { kind: "percent", percent: 5 },
    });
  });

  it("looks 24 months ahead when asked, for the top and for the families opened below it", async () => {
    // 2026-11 + 23 months = 2028-10, the 24th month.
    const months = (rows: readonly DemandGridRow[]): DemandGrid => ({
      ...demandGrid([...rows]),
      periods: ["2026-11", "2028-10"],
      buckets: [
        { bucket: "2026-11", from: "2026-11", to: "2026-11" },
        { bucket: "2028-10", from: "2028-10", to: "2028-10" },
      ],
    });
    stub(DANA, {
      "GET /api/plans/versions/3/demand?from=2026-11&to=2028-10&grain=month": months(TOP.rows),
      "GET /api/plans/versions/3/demand?node=FAM-A&nodeKind=group&from=2026-11&to=2028-10&grain=month":
        months(FAMILY.rows),
    });
    renderAt(<DemandReviewPage />, { path: "/demand/review", route: "/demand/review" });
    await screen.findByText("Juices");
    expect(screen.queryByText("Oct 2028")).toBeNull();
    fireEvent.change(screen.getByTestId("demand-horizon"), { target: { value: "24" } });
    await within(screen.getByTestId("demand-grid")).findByText("Oct 2028");
    fireEvent.click(within(rowOf("FAM-A")).getByTestId("demand-toggle"));
    await screen.findByText("Orange");
    expect(rowOf("S1").querySelector('[data-period="2028-10"]')).not.toBeNull();
  });

  it("shows every layer of the selected row and the other person's change on a conflict", async () => {
    stub(DANA, {
      "POST /api/plans/versions/3/edits": {
        status: 409,
        body: {
          error: {
            code: "conflict",
            message: "sam changed these numbers after you loaded them (Promotion); reload and try again",
          },
          revision: 8,
          changes: [
            {
              user: "sam",
              at: "2026-11-22T09:00:00.000Z",
              sku: "S1",
              period: "2026-11",
              oldValue: 60,
              newValue: 90,
              reason: "Promotion",
            },
          ],
        },
      },
    });
    renderAt(<DemandReviewPage />, { path: "/demand/review", route: "/demand/review" });
    fireEvent.click(await screen.findByText("Juices"));
    expect(screen.getAllByTestId("layer-row").map((r) => r.getAttribute("data-layer"))).toEqual([
      "demand.statistical",
      "demand.sales",
      "demand.marketing",
      "demand.product",
      "demand.consensus",
    ]);
    const cell = within(rowOf("FAM-A")).getByLabelText(cellName("Juices, Nov 2026"));
    typeInto(cell, "+5%");
    const conflict = await screen.findByTestId("demand-conflict");
    expect(conflict.textContent).toContain("sam: S1 Nov 2026 60 → 90 (Promotion)");
  });

  it("lets sales edit only the sales layer, without consensus or approval buttons", async () => {
    stub(SAM);
    renderAt(<DemandReviewPage />, { path: "/demand/review", route: "/demand/review" });
    await screen.findByText("Juices");
    expect(screen.getByTestId("demand-layer")).toHaveProperty("value", "demand.sales");
    expect(screen.queryByTestId("demand-approve")).toBeNull();
    expect(screen.queryByTestId("demand-propose")).toBeNull();
    // Sales sees the promotions and transitions but cannot re-apply them.
    await screen.findByTestId("promotions-empty");
    expect(screen.queryByTestId("promotions-apply")).toBeNull();
    fireEvent.change(screen.getByTestId("demand-layer"), { target: { value: "demand.consensus" } });
    expect(within(rowOf("FAM-A")).getByLabelText(cellName("Juices, Nov 2026")).hasAttribute("tabindex")).toBe(
      false,
    );
  });

  it("approves the consensus", async () => {
    const fetchMock = stub(DANA, { "POST /api/plans/versions/3/approve": { status: 204, body: null } });
    renderAt(<DemandReviewPage />, { path: "/demand/review", route: "/demand/review" });
    fireEvent.click(await screen.findByTestId("demand-approve"));
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.some(
          ([url, init]) => String(url).endsWith("/approve") && init?.method === "POST",
        ),
      ).toBe(true),
    );
  });

  it("shows an approved version as frozen, with nothing left to edit or approve", async () => {
    stub(DANA, {
      "GET /api/plans/versions/3/demand?from=2026-11&grain=month": { ...TOP, status: "approved" },
    });
    renderAt(<DemandReviewPage />, { path: "/demand/review", route: "/demand/review" });
    await screen.findByTestId("demand-frozen");
    expect(screen.getByTestId("demand-approve")).toHaveProperty("disabled", true);
    await screen.findByTestId("promotions-panel");
    expect(screen.queryByTestId("promotions-apply")).toBeNull();
    expect(within(rowOf("FAM-A")).getByLabelText(cellName("Juices, Nov 2026")).hasAttribute("tabindex")).toBe(
      false,
    );
  });

  it("lists the exceptions by value at stake, in a planner's words, each opening its SKU's row", async () => {
    stub(DANA, {
      "GET /api/hierarchy/path?code=S1": {
        path: [
          { kind: "group", code: "FAM-A", name: "Juices", level: "family" },
          { kind: "item", code: "S1", name: "Orange", level: "sku" },
        ],
      },
      "GET /api/comments?versionId=3&nodeKind=all": { comments: [] },
      "GET /api/comments?versionId=3&nodeKind=item&nodeCode=S1": { comments: [] },
      "GET /api/plans/versions/3/exceptions": {
        total: 2,
        exceptions: [
          {
            sku: "S2",
            name: "Apple",
            family: "FAM-A",
            kind: "biased",
            periods: ["2026-11", "2026-12"],
            units: 40,
            valueAtStake: 12_000,
            percent: 20,
            trackingSignal: 6,
          },
          {
            sku: "S1",
            name: "Orange",
            family: "FAM-A",
            kind: "outside-band",
            periods: ["2026-12"],
            units: -30,
            valueAtStake: 6_000,
            percent: null,
            trackingSignal: null,
          },
        ],
      },
    });
    renderAt(<DemandReviewPage />, { path: "/demand/review", route: "/demand/review" });
    const panel = await screen.findByTestId("demand-exceptions");
    await waitFor(() => expect(panel.querySelectorAll("tbody tr")).toHaveLength(2));
    const [biased, band] = [...panel.querySelectorAll("tbody tr")];
    expect(biased?.textContent).toContain("over-forecast by 20 %");
    expect(biased?.textContent).toContain("120");
    expect(band?.textContent).toContain("−30 units below the statistical P10");

    expect(
      within(band as HTMLElement)
        .getByTestId("exception-chart")
        .getAttribute("href"),
    ).toBe("/demand/forecast?node=S1&kind=item");
    // Opening Orange's exception opens Juices and selects Orange, with every layer beneath it.
    fireEvent.click(within(band as HTMLElement).getByTestId("exception-open"));
    await waitFor(() => expect(rowOf("S1")?.className).toBe("demand-row-selected"));
    expect(rowOf("FAM-A").className).toBe("");
    expect(screen.getAllByTestId("layer-row")).toHaveLength(5);
    expect(await screen.findByText("No comments on Orange yet.")).toBeTruthy();
  });

  it("shows the sensed next months with the weight the books earned on past cycles", async () => {
    stub(DANA, {
      "GET /api/plans/versions/3/sensing": {
        versionId: 3,
        cycle: "2026-11",
        scores: [
          {
            horizon: 1,
            model: { horizon: 1, bookedShare: 0.4, weight: 0.6 },
            observations: 30,
            cycles: 5,
            wapeForecast: 21.3,
            wapeSensed: 14.2,
          },
          {
            horizon: 2,
            model: { horizon: 2, bookedShare: 0, weight: 0 },
            observations: 24,
            cycles: 1,
            wapeForecast: null,
            wapeSensed: null,
          },
        ],
        months: [
          { period: "2026-11", forecast: 1_000, booked: 480, sensed: 1_120 },
          { period: "2026-12", forecast: 900, booked: 0, sensed: 900 },
        ],
        largest: [],
      },
    });
    renderAt(<DemandReviewPage />, { path: "/demand/review", route: "/demand/review" });
    const panel = await screen.findByTestId("demand-sensing");
    await waitFor(() => expect(panel.querySelector('tr[data-period="2026-11"]')).not.toBeNull());
    const november = panel.querySelector('tr[data-period="2026-11"]')!;
    expect(november.textContent).toContain("1,120");
    expect(november.textContent).toContain("21.3 → 14.2");
    expect(panel.querySelector('tr[data-period="2026-12"]')?.textContent).toContain("too few cycles");
  });

  it("shows the selected row's unit and revenue plan against last year and the budget", async () => {
    stub(DANA, {
      "GET /api/plans/versions/3/revenue-plan": {
        versionId: 3,
        months: [
          {
            period: "2026-11",
            units: 110,
            revenue: 22_000,
            lastYearUnits: 100,
            lastYearRevenue: 19_000,
            budgetUnits: 125,
            budgetRevenue: 25_000,
            marketShare: 0.25,
          },
        ],
      },
    });
    renderAt(<DemandReviewPage />, { path: "/demand/review", route: "/demand/review" });
    const panel = await screen.findByTestId("revenue-plan");
    await waitFor(() => expect(panel.textContent).toContain("+10.0"));
    expect(panel.textContent).toContain("−12.0");
    expect(panel.textContent).toContain("25.0");
  });
});
