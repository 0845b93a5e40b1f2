import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { PromotionCalendar } from "../api/promotions";
import { renderAt, stubApi } from "../testing/render";
import { PromotionsPanel } from "./promotions-panel";

const EUR = { code: "EUR", minorDigits: 2 };
const CALENDAR: PromotionCalendar = {
  versionId: 3,
  periods: ["2026-12", "2027-01", "2027-02"],
  promotions: [
    {
      code: "PROMO-1",
      name: "New year deal",
      sku: "SKU-0004",
      group: null,
      segment: null,
      start: "2027-01-06",
      end: "2027-01-26",
      upliftPct: 45,
      upliftUnits: null,
      discountPct: 20,
      cannibalisationPct: 30,
      postDipPct: 5,
      months: [{ period: "2027-01", share: 21 / 31 }],
      dipPeriod: "2027-02",
      effect: {
        baseline: 1000,
        uplift: 450,
        cannibalised: 135,
        dip: 60,
        revenue: 232_000,
        incrementalRevenue: -7_800,
      },
    },
    {
      code: "PROMO-2",
      name: "Christmas deal",
      sku: null,
      group: "FAM-MULTI",
      segment: "KEY",
      start: "2026-12-08",
      end: "2026-12-24",
      upliftPct: 45,
      upliftUnits: 100,
      discountPct: 10,
      cannibalisationPct: null,
      postDipPct: null,
      months: [{ period: "2026-12", share: 17 / 31 }],
      dipPeriod: null,
      effect: {
        baseline: 500,
        uplift: 325,
        cannibalised: 0,
        dip: 0,
        revenue: 148_500,
        incrementalRevenue: 48_500,
      },
    },
  ],
  transitions: [
    {
      kind: "phase_out",
      sku: "SKU-0002",
      predecessor: null,
      months: [
        { period: "2026-12", factor: 0.0625 },
        { period: "2027-01", factor: 0 },
        { period: "2027-02", factor: 0 },
      ],
      before: 900,
      after: 19,
    },
  ],
};

describe("PromotionsPanel", () => {
  it("lays each promotion out by month with its dates, uplift, discount, units and revenue effect", async () => {
    stubApi({ "GET /api/plans/versions/3/promotions": CALENDAR });
    renderAt(<PromotionsPanel versionId={3} currency={EUR} canApply={false} />);
    const row = await screen.findByTestId("promotion-PROMO-1");
    const cells = within(row)
      .getAllByRole("cell")
      .map((c) => c.textContent);
    // SKU or family, segment, dates, Dec, Jan (21 of 31 days), Feb (dip), uplift, discount,
    // extra units, from sisters, dip, revenue, incremental.
    expect(cells).toEqual([
      "SKU-0004",
      "All",
      "06 Jan 2027 – 26 Jan 2027",
      "",
      "68%",
      "dip 5%",
      "45%",
      "20%",
      "450EA",
      "−135EA",
      "−60EA",
      "2,320",
      "−78",
    ]);
    const family = within(screen.getByTestId("promotion-PROMO-2")).getAllByRole("cell");
    expect(family[0]!.textContent).toBe("FAM-MULTI");
    expect(family[1]!.textContent).toBe("KEY");
    expect(family[6]!.textContent).toBe("45% + 100 EA");
    expect(screen.queryByTestId("promotions-apply")).toBeNull();
  });

  it("shows each transition's ramp per month and its units before and after", async () => {
    stubApi({ "GET /api/plans/versions/3/promotions": CALENDAR });
    renderAt(<PromotionsPanel versionId={3} currency={EUR} canApply={false} />);
    const row = await screen.findByTestId("transition-SKU-0002");
    expect(within(row).getByRole("rowheader").textContent).toBe("Phase-out");
    expect(
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["SKU-0002", "–", "6%", "0%", "0%", "900EA", "19EA"]);
  });

  it("lets the demand planner re-apply them and says how many cells changed", async () => {
    const fetchMock = stubApi({
      "GET /api/plans/versions/3/promotions": CALENDAR,
      "POST /api/plans/versions/3/promotions/apply": {
        edits: [
          { editId: 8, measure: "demand.marketing", reason: "promotion", changed: 3 },
          { editId: 9, measure: "demand.product", reason: "transition", changed: 2 },
        ],
        revision: 40,
      },
    });
    renderAt(<PromotionsPanel versionId={3} currency={EUR} canApply />);
    fireEvent.click(await screen.findByTestId("promotions-apply"));
    await waitFor(() =>
      expect(
        screen.getByText("Promotions and transitions applied: 5 cells changed in 2 audited edits"),
      ).toBeTruthy(),
    );
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === "POST")).toBe(true);
  });

  it("says so when no promotion touches the version's months", async () => {
    stubApi({ "GET /api/plans/versions/3/promotions": { ...CALENDAR, promotions: [], transitions: [] } });
    renderAt(<PromotionsPanel versionId={3} currency={EUR} canApply={false} />);
    expect((await screen.findByTestId("promotions-empty")).textContent).toBe(
      "No promotion touches these months.",
    );
    expect(screen.getByTestId("transitions-empty")).toBeTruthy();
  });
});
