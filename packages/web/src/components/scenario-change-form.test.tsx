import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderAt, stubApi } from "../testing/render";
import { ScenarioChangeForm } from "./scenario-change-form";

const fill = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
const bodyOf = (fetchMock: ReturnType<typeof stubApi>) => {
  const call = fetchMock.mock.calls.find(([, init]) => init?.method === "POST");
  return JSON.parse(String(call?.[1]?.body));
};

describe("ScenarioChangeForm", () => {
  it("sends the typed change with its reason", async () => {
    const fetchMock = stubApi({ "POST /api/scenarios/2/changes": { status: 201, body: { id: "1" } } });
    renderAt(<ScenarioChangeForm scenarioId={2} />);
    fill("change-kind", "supplier");
    fill("change-supplier", "SUP-1");
    fill("change-periods.from", "2027-01");
    fill("change-periods.to", "2027-02");
    fill("change-capacityPercent", "50");
    fill("change-reason", "Strike at the can maker");
    fireEvent.click(screen.getByTestId("change-add"));
    await waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => init?.method === "POST")).toBe(true));
    expect(bodyOf(fetchMock)).toEqual({
      change: {
        kind: "supplier",
        supplier: "SUP-1",
        periods: { from: "2027-01", to: "2027-02" },
        capacityPercent: 50,
      },
      reason: "Strike at the can maker",
    });
    // Cleared for the next change once the server took it.
    await waitFor(() => expect((screen.getByTestId("change-reason") as HTMLInputElement).value).toBe(""));
  });

  it("shows the server's refusal under the field it names", async () => {
    stubApi({
      "POST /api/scenarios/2/changes": {
        status: 422,
        body: {
          error: {
            code: "invalid_data",
            message: "scenario change: periods: the span must end in or after the month it starts",
          },
          field: "periods",
        },
      },
    });
    renderAt(<ScenarioChangeForm scenarioId={2} />);
    fill("change-periods.from", "2027-03");
    fill("change-periods.to", "2027-01");
    fill("change-amount", "10");
    fill("change-reason", "Key account win");
    fireEvent.click(screen.getByTestId("change-add"));
    const error = await screen.findByTestId("change-field-error");
    expect(error.textContent).toContain("the span must end");
    expect(error.closest("label")?.querySelector("input")?.getAttribute("data-testid")).toBe(
      "change-periods.from",
    );
    expect(screen.getByTestId("change-periods.from").getAttribute("aria-invalid")).toBe("true");
  });
});
