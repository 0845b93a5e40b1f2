// The demand review grid draws only the lines in view of a large hierarchy, yet the keyboard
// reaches any row and a pasted block lands on rows that are not drawn yet. The test DOM has no
// layout, so the grid takes its view as 20 lines high; here the scroll box also reports a content
// height to scroll over and fires the scroll event a browser's does (the grid redraws its window on
// it). The family has 300 SKUs.

import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { demandGrid, gridRow, stubDemandReview } from "../testing/demand-review-api";
import { cellName, labelOf } from "../testing/plan-cells";
import { renderAt } from "../testing/render";
import { DemandReviewPage } from "./demand-review-page";

const SKUS = 300;

const sku = (n: number) => gridRow("item", `S${n}`, `SKU ${n}`, [n, n]);
const JUICES = gridRow("group", "FAM-A", "Juices", [1000, 1000], { children: SKUS });

function stub(extra: Record<string, unknown> = {}) {
  return stubDemandReview(
    {
      top: demandGrid([gridRow("all", null, "All products", [1000, 1000], { children: 1 }), JUICES]),
      family: demandGrid([JUICES, ...Array.from({ length: SKUS }, (_, i) => sku(i + 1))]),
    },
    {},
    extra,
  );
}

const drawn = (code: string) => document.querySelector(`[data-testid="demand-row"][data-node="${code}"]`);
const focused = () => labelOf(document.activeElement);
const press = (key: string) => fireEvent.keyDown(document.activeElement as HTMLElement, { key });

async function openJuices() {
  renderAt(<DemandReviewPage />, { path: "/demand/review", route: "/demand/review" });
  const juices = await screen.findByText("Juices");
  fireEvent.click(within(juices.closest("tr") as HTMLElement).getByTestId("demand-toggle"));
  await screen.findByText("SKU 1");
}

const scrollTo = Element.prototype.scrollTo;
const scrollHeight = Object.getOwnPropertyDescriptor(Element.prototype, "scrollHeight")!;
beforeEach(() => {
  Object.defineProperty(Element.prototype, "scrollHeight", {
    configurable: true,
    get(this: Element) {
      return this.classList.contains("demand-grid-scroll") ? 100_000 : 0;
    },
  });
  Element.prototype.scrollTo = function (this: Element, ...args: Parameters<Element["scrollTo"]>) {
    scrollTo.apply(this, args);
    this.dispatchEvent(new Event("scroll"));
  } as Element["scrollTo"];
});
afterEach(() => {
  Element.prototype.scrollTo = scrollTo;
  Object.defineProperty(Element.prototype, "scrollHeight", scrollHeight);
});

describe("the demand review grid of a large hierarchy", () => {
  it("draws the lines in view and a few either side, not every row, and counts them all for screen readers", async () => {
    stub();
    await openJuices();
    const rows = screen.getAllByTestId("demand-row");
    // All products, its five layer lines, Juices and its 300 SKUs: 307 lines under the header.
    expect(screen.getByTestId("demand-grid").getAttribute("aria-rowcount")).toBe("308");
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(50);
    expect(drawn(`S${SKUS}`)).toBeNull();
    // Each drawn line says where it stands in the whole grid: SKU 1 is the ninth row after the header.
    expect(drawn("S1")?.getAttribute("aria-rowindex")).toBe("9");
  });

  it("moves the focus down past the drawn lines to a far row, and Tab on from the last cell of one", async () => {
    stub();
    await openJuices();
    act(() => screen.getByLabelText(cellName("SKU 1, Dec 2026")).focus());
    expect(drawn("S60")).toBeNull();
    for (let n = 2; n <= 60; n++) {
      press("ArrowDown");
      await waitFor(() => expect(focused()).toBe(`SKU ${n}, Dec 2026`));
    }
    expect(document.activeElement?.getAttribute("aria-label")).toBe("SKU 60, Dec 2026: 60");
    // Far from the top, the first SKUs are no longer drawn.
    expect(drawn("S1")).toBeNull();
    press("Tab");
    await waitFor(() => expect(focused()).toBe("SKU 61, Nov 2026"));
  });

  it("pastes a block that runs below the drawn lines onto every row it covers", async () => {
    const fetchMock = stub({
      "POST /api/plans/versions/3/edits/batch": { edits: [], revision: 8, changed: 0 },
    });
    await openJuices();
    const at = screen.getByLabelText(cellName("SKU 2, Nov 2026"));
    act(() => at.focus());
    // 60 lines of two figures, from SKU 2 down to SKU 61: most of those rows are not drawn.
    expect(drawn("S61")).toBeNull();
    const block = Array.from({ length: 60 }, (_, i) => `${i + 1}\t${i + 1001}`).join("\r\n");
    fireEvent.paste(at, {
      clipboardData: { getData: (type: string) => (type === "text/plain" ? block : "") },
    });
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith("/edits/batch"))).toBe(true),
    );
    const post = fetchMock.mock.calls.find(([url]) => String(url).endsWith("/edits/batch"));
    const cells = JSON.parse(String(post![1]!.body)).cells as { node: string; from: string; edit: unknown }[];
    expect(cells).toHaveLength(120);
    expect(cells[0]).toMatchObject({ node: "S2", from: "2026-11", edit: { kind: "total", value: 1 } });
    expect(cells.at(-1)).toMatchObject({
      node: "S61",
      from: "2026-12",
      edit: { kind: "total", value: 1060 },
    });
    expect(new Set(cells.map((c) => c.node)).size).toBe(60);
  });
});
