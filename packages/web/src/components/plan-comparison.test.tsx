import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { PlanRef } from "../api/scenarios";
import { renderAt, stubApi } from "../testing/render";
import { COMPARISON, JUICE_COMPARISON } from "../testing/scenario-fixtures";
import { PlanComparison } from "./plan-comparison";

const EUR = { code: "EUR", minorDigits: 2 };
const OPTIONS = [
  { ref: "scenario:1" as PlanRef, label: "Base plan (base)" },
  { ref: "scenario:2" as PlanRef, label: "Summer promo" },
  { ref: "scenario:3" as PlanRef, label: "Line down", disabled: true },
];
const ALL = "GET /api/scenarios/compare?plans=scenario%3A1%2Cscenario%3A2";
const JUICE = `${ALL}&node=JUICE&nodeKind=group`;

const row = (table: HTMLElement, figure: string) => table.querySelector(`tr[data-figure="${figure}"]`)!;
const diffOf = (table: HTMLElement, figure: string) =>
  row(table, figure).querySelector('td[data-column="scenario:2"] .comparison-diff')!;

describe("PlanComparison", () => {
  it("shows each plan's figures with the difference to the first, coloured by which way is better", async () => {
    stubApi({ [ALL]: COMPARISON });
    renderAt(<PlanComparison options={OPTIONS} initial={["scenario:1", "scenario:2"]} currency={EUR} />);
    const table = await screen.findByTestId("comparison-table");
    // Revenue 1,080,000 − 1,000,000 = +80,000: more revenue is better.
    expect(row(table, "revenue").textContent).toContain("1,080,000");
    expect(diffOf(table, "revenue").textContent).toBe("+80,000");
    expect(diffOf(table, "revenue").getAttribute("data-tone")).toBe("good");
    // Margin % 35.2 − 40.0 = −4.8: worse.
    expect(diffOf(table, "grossMarginPercent").textContent).toBe("\u22124.8");
    expect(diffOf(table, "grossMarginPercent").getAttribute("data-tone")).toBe("bad");
    // Lost revenue 40,000 − 50,000 = −10,000: less lost is better.
    expect(diffOf(table, "lostRevenue").getAttribute("data-tone")).toBe("good");
    // Demand is neither better nor worse; an unchanged fill rate reads "=".
    expect(diffOf(table, "demandUnits").getAttribute("data-tone")).toBe("neutral");
    expect(diffOf(table, "fillRate").textContent).toBe("=");
    expect(row(table, "budgetRevenue").textContent).toContain("1,100,000");
    // Overtime cost 25,000 against 10,000: a cost that grew is bad.
    const whole = screen.getByTestId("comparison-whole-plan");
    expect(diffOf(whole, "overtimeCost").getAttribute("data-tone")).toBe("bad");
    expect(screen.getByTestId("comparison-chart")).toBeTruthy();
    expect(screen.getByTestId("comparison-export").getAttribute("href")).toBe(
      "/api/scenarios/compare.xlsx?plans=scenario%3A1%2Cscenario%3A2",
    );
    expect(
      (screen.getByTestId("comparison-plans").querySelector('[data-plan="scenario:3"]') as HTMLInputElement)
        .disabled,
    ).toBe(true);
  });

  it("drills from the company into a family, exports that view, and goes back by the breadcrumb", async () => {
    const fetchMock = stubApi({ [ALL]: COMPARISON, [JUICE]: JUICE_COMPARISON });
    renderAt(<PlanComparison options={OPTIONS} initial={["scenario:1", "scenario:2"]} currency={EUR} />);
    const children = await screen.findByTestId("comparison-children");
    fireEvent.click(within(children).getByRole("button", { name: "Juices" }));
    await waitFor(() =>
      expect(screen.getByTestId("comparison-scope").textContent).toContain("Juices (Family)"),
    );
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain(
      "/api/scenarios/compare?plans=scenario%3A1%2Cscenario%3A2&node=JUICE&nodeKind=group",
    );
    expect(screen.getByTestId("comparison-children").querySelector('tr[data-child="SKU-0001"]')).toBeTruthy();
    expect(screen.getByTestId("comparison-export").getAttribute("href")).toContain(
      "node=JUICE&nodeKind=group",
    );

    fireEvent.click(
      within(screen.getByTestId("comparison-breadcrumb")).getByRole("button", { name: "All products" }),
    );
    await waitFor(() => expect(screen.getByTestId("comparison-scope").textContent).toContain("All products"));
  });

  it("adds a plan as a column when it is ticked", async () => {
    const fetchMock = stubApi({ "GET /api/scenarios/compare": COMPARISON });
    renderAt(<PlanComparison options={OPTIONS} initial={["scenario:2"]} currency={EUR} />);
    await screen.findByTestId("comparison-table");
    fireEvent.click(screen.getByTestId("comparison-plans").querySelector('[data-plan="scenario:1"]')!);
    await waitFor(() =>
      expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain(
        "/api/scenarios/compare?plans=scenario%3A2%2Cscenario%3A1",
      ),
    );
  });
});
