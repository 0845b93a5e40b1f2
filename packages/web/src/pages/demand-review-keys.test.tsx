// The demand review grid as a spreadsheet: moving with the keyboard, editing with Enter and
// Escape, and pasting a block from Excel as one batch of edits.

import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { demandGrid, gridRow, stubDemandReview } from "../testing/demand-review-api";
import { cellName, labelOf } from "../testing/plan-cells";
import { renderAt } from "../testing/render";
import { DemandReviewPage } from "./demand-review-page";

// All products ▸ Juices (Orange, Apple — Apple's December locked) and Waters.
const TOP = demandGrid([
  gridRow("all", null, "All products", [400, 500], { children: 2 }),
  gridRow("group", "FAM-A", "Juices", [100, 200], { children: 2 }),
  gridRow("group", "FAM-B", "Waters", [300, 300], { children: 1 }),
]);
const JUICES = demandGrid([
  gridRow("group", "FAM-A", "Juices", [100, 200], { children: 2 }),
  gridRow("item", "S1", "Orange", [60, 120]),
  gridRow("item", "S2", "Apple", [40, 80], { locked: [false, true] }),
]);

function stub(extra: Record<string, unknown> = {}) {
  return stubDemandReview({ top: TOP, family: JUICES }, {}, extra);
}

// A cell at rest is its <td>, named with its figure; while it is edited, the name moves to its input.
const cell = (label: string) => screen.getByLabelText(cellName(label));
const focused = () => labelOf(document.activeElement);
const press = (key: string, shiftKey = false) =>
  fireEvent.keyDown(document.activeElement as HTMLElement, { key, shiftKey });

async function openJuices() {
  renderAt(<DemandReviewPage />, { path: "/demand/review", route: "/demand/review" });
  const juices = await screen.findByText("Juices");
  const toggle = within(juices.closest("tr") as HTMLElement).getByTestId("demand-toggle");
  fireEvent.click(toggle);
  await screen.findByText("Orange");
}

describe("the demand review grid's keyboard", () => {
  it("moves over the editable cells with arrows, Tab, Shift-Tab, Home and End, stepping over locked ones", async () => {
    stub();
    await openJuices();
    // Rows on screen: All products (with its layer rows beneath, not editable), Juices, Orange, Apple, Waters.
    act(() => cell("All products, Nov 2026").focus());
    press("ArrowDown");
    expect(focused()).toBe("Juices, Nov 2026");
    // A screen reader hears the figure with the cell's name.
    expect(document.activeElement?.getAttribute("aria-label")).toBe("Juices, Nov 2026: 100");
    press("ArrowRight");
    expect(focused()).toBe("Juices, Dec 2026");
    press("ArrowRight");
    expect(focused()).toBe("Juices, Dec 2026");
    press("ArrowDown");
    expect(focused()).toBe("Orange, Dec 2026");
    // Apple's December is locked: down goes on to Waters.
    press("ArrowDown");
    expect(focused()).toBe("Waters, Dec 2026");
    press("Home");
    expect(focused()).toBe("Waters, Nov 2026");
    press("ArrowUp");
    expect(focused()).toBe("Apple, Nov 2026");
    press("Tab", true);
    expect(focused()).toBe("Orange, Dec 2026");
    press("Tab");
    expect(focused()).toBe("Apple, Nov 2026");
    press("Tab");
    expect(focused()).toBe("Waters, Nov 2026");
    press("End");
    expect(focused()).toBe("Waters, Dec 2026");
  });

  it("edits with Enter, commits with Enter and moves down; Escape puts the figure back", async () => {
    const fetchMock = stub({
      "POST /api/plans/versions/3/edits": { editId: 11, revision: 9, changed: 2, before: 100, after: 151 },
    });
    await openJuices();
    act(() => cell("Juices, Nov 2026").focus());
    press("Enter");
    fireEvent.change(cell("Juices, Nov 2026"), { target: { value: "999" } });
    press("Escape");
    expect(focused()).toBe("Juices, Nov 2026");
    expect(cell("Juices, Nov 2026").tagName).toBe("TD");
    expect(cell("Juices, Nov 2026").textContent).toBe("100");
    // Arrows move again once the edit is cancelled.
    press("ArrowRight");
    expect(focused()).toBe("Juices, Dec 2026");
    press("ArrowLeft");

    press("Enter");
    fireEvent.change(cell("Juices, Nov 2026"), { target: { value: "151" } });
    // While editing, the arrows left and right move the caret, not the cell.
    press("ArrowLeft");
    expect(focused()).toBe("Juices, Nov 2026");
    press("Enter");
    expect(focused()).toBe("Orange, Nov 2026");
    expect((await screen.findByTestId("demand-notice")).textContent).toContain("100 → 151");
    const posts = fetchMock.mock.calls.filter(([, init]) => init?.method === "POST");
    expect(posts).toHaveLength(1);
    expect(JSON.parse(String(posts[0]![1]!.body))).toMatchObject({
      node: "FAM-A",
      from: "2026-11",
      edit: { kind: "total", value: 151 },
    });
  });

  it("replaces the figure with what is typed on a selected cell, and keeps one input at a time", async () => {
    const fetchMock = stub({
      "POST /api/plans/versions/3/edits": { editId: 11, revision: 9, changed: 1, before: 60, after: 7 },
    });
    await openJuices();
    const inputs = () => within(screen.getByTestId("demand-grid")).queryAllByRole("textbox");
    expect(inputs()).toHaveLength(0);
    act(() => cell("Orange, Nov 2026").focus());
    press("7");
    expect(inputs()).toHaveLength(1);
    expect((cell("Orange, Nov 2026") as HTMLInputElement).value).toBe("7");
    press("Tab");
    expect(focused()).toBe("Orange, Dec 2026");
    expect(inputs()).toHaveLength(0);
    expect((await screen.findByTestId("demand-notice")).textContent).toContain("60 → 7");
    const posts = fetchMock.mock.calls.filter(([, init]) => init?.method === "POST");
    expect(JSON.parse(String(posts[0]![1]!.body))).toMatchObject({
      node: "S1",
      edit: { kind: "total", value: 7 },
    });
  });

  it("shows a cell's lock toggle on hover or focus and every lock of the selected row, not one per cell", async () => {
    stub();
    await openJuices();
    // The top row is selected when the page opens, so its toggles show; the rows below are at rest.
    const locks = () =>
      screen
        .queryAllByRole("button", { name: /^(Lock|Unlock) / })
        .filter((b) => !b.closest('[data-node="all"]'));
    expect(locks()).toHaveLength(0);
    fireEvent.mouseEnter(cell("Orange, Nov 2026"));
    expect(locks().map((b) => b.getAttribute("aria-label"))).toEqual(["Lock Orange, Nov 2026"]);
    fireEvent.mouseLeave(cell("Orange, Nov 2026"));
    expect(locks()).toHaveLength(0);
    act(() => cell("Orange, Dec 2026").focus());
    expect(locks().map((b) => b.getAttribute("aria-label"))).toEqual(["Lock Orange, Dec 2026"]);
    // Apple's December is locked, so it is not a focusable cell; selecting the row shows its toggle.
    fireEvent.click(screen.getByText("Apple"));
    expect(screen.getByRole("button", { name: "Unlock Apple, Dec 2026" }).getAttribute("aria-pressed")).toBe(
      "true",
    );
  });
});

const paste = (at: HTMLElement, text: string) =>
  fireEvent.paste(at, { clipboardData: { getData: (type: string) => (type === "text/plain" ? text : "") } });

describe("pasting from Excel into the demand review", () => {
  it("sends a pasted block as one batch of totals from the cell it lands on, empty cells left alone", async () => {
    const fetchMock = stub({
      "POST /api/plans/versions/3/edits/batch": {
        edits: [
          { editId: 12, revision: 10, changed: 2, before: 100, after: 150 },
          { editId: 13, revision: 11, changed: 2, before: 200, after: 1250 },
          { editId: 14, revision: 12, changed: 1, before: 60, after: 90 },
        ],
        revision: 12,
        changed: 5,
      },
    });
    await openJuices();
    act(() => cell("Juices, Nov 2026").focus());
    // Excel's copy of a 2 × 2 block: thousands separators, a blank cell, a trailing newline.
    paste(cell("Juices, Nov 2026"), "150\t1,250\r\n90\t\r\n");
    expect((await screen.findByTestId("demand-notice")).textContent).toBe(
      "Pasted 3 figures (5 SKU cells changed); each is its own edit to undo",
    );
    const post = fetchMock.mock.calls.find(([url]) => String(url).endsWith("/edits/batch"));
    expect(JSON.parse(String(post![1]!.body))).toEqual({
      measure: "demand.consensus",
      cells: [
        {
          node: "FAM-A",
          nodeKind: "group",
          from: "2026-11",
          to: "2026-11",
          edit: { kind: "total", value: 150 },
          label: "Juices, Nov 2026",
        },
        {
          node: "FAM-A",
          nodeKind: "group",
          from: "2026-12",
          to: "2026-12",
          edit: { kind: "total", value: 1250 },
          label: "Juices, Dec 2026",
        },
        {
          node: "S1",
          nodeKind: "item",
          from: "2026-11",
          to: "2026-11",
          edit: { kind: "total", value: 90 },
          label: "Orange, Nov 2026",
        },
      ],
      basis: "current",
      reason: "Key account win",
      comment: "",
      expectedRevision: 7,
    });
  });

  it("refuses the whole paste, naming the cell, for a bad value, a locked cell or a block too wide", async () => {
    const fetchMock = stub();
    await openJuices();
    paste(cell("Juices, Nov 2026"), "150\tabc\n");
    expect((await screen.findByTestId("demand-notice")).textContent).toContain(
      "Juices, Dec 2026: “abc” is not a number; nothing was pasted",
    );
    paste(cell("Orange, Nov 2026"), "1\t2\n3\t4\n");
    await waitFor(() =>
      expect(screen.getByTestId("demand-notice").textContent).toContain(
        "Apple, Dec 2026 is locked or read-only; nothing was pasted",
      ),
    );
    paste(cell("Juices, Dec 2026"), "1\t2");
    await waitFor(() =>
      expect(screen.getByTestId("demand-notice").textContent).toContain(
        "The pasted block is 2 columns wide but only 1 remain from this cell",
      ),
    );
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === "POST")).toHaveLength(0);
  });
});
