import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import "../testing/render";
import { CleansedMonths } from "./cleansed-months";

describe("CleansedMonths", () => {
  it("lists each cleansed month with why, what was ordered and what the model learned", () => {
    render(
      <CleansedMonths
        months={[
          { period: "2025-03", original: 1240, cleansed: 1050.4, reason: "promotion" },
          { period: "2025-09", original: 90, cleansed: 610, reason: "outlier" },
        ]}
      />,
    );
    const rows = within(screen.getByTestId("forecast-cleansing")).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      "Mar 2025Promotion1,240EA1,050EA",
      "Sep 2025Outlier90EA610EA",
    ]);
  });

  it("shows nothing when no month was cleansed", () => {
    const { container } = render(<CleansedMonths months={[]} />);
    expect(container.textContent).toBe("");
  });
});
