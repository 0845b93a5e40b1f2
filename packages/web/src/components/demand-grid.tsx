// The demand review grid, drawn a window at a time: of the hierarchy's lines (1,000 SKU rows and
// more once every family is open) only those in view and a few either side are in the page, with
// spacer rows keeping the scroll height right; the header row and the product column stay put
// (ADR 0510). A move of the keyboard focus works on the lines, so it reaches a row that is not
// drawn yet: the grid scrolls to it and focuses its cell once drawn. The focused line is always
// drawn, so a cell being edited survives scrolling away from it.

import {
  defaultRangeExtractor,
  measureElement,
  observeElementRect,
  type Range,
  useVirtualizer,
} from "@tanstack/react-virtual";
import {
  type FocusEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { DemandGrid } from "../api/demand";
import { formatPeriod } from "../format/dates";
import type { DemandLines } from "./demand-lines";
import { LineRow, type RowContext } from "./demand-rows";
import { type GridCells, type GridMove, type GridPoint, targetOf } from "./grid-keys";

/** A line's height before it is measured (`--row-height` and its border), and the header's. */
const LINE_HEIGHT = 29;
const HEADER_HEIGHT = 33;
/** Lines drawn beyond each edge of the view, so a short scroll or a move shows drawn rows. */
const OVERSCAN = 12;
/** The view's height where the page has no layout (a test's DOM), which would otherwise draw none. */
const UNLAID_VIEW = 20 * LINE_HEIGHT;

export interface DemandGridTableProps {
  readonly grid: DemandGrid;
  readonly lines: DemandLines;
  readonly cells: GridCells;
  readonly context: Omit<RowContext, "move">;
  /** A line to scroll to once it is in the grid (an exception just opened); a new object each time. */
  readonly reveal: { readonly key: string } | null;
}

export function DemandGridTable({ grid, lines, cells, context, reveal }: DemandGridTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const focusedLine = focusedKey === null ? -1 : lines.lines.findIndex((l) => l.key === focusedKey);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const drawn = defaultRangeExtractor(range);
      return focusedLine < 0 || drawn.includes(focusedLine)
        ? drawn
        : [...drawn, focusedLine].sort((a, b) => a - b);
    },
    [focusedLine],
  );
  const virtualizer = useVirtualizer({
    count: lines.lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => LINE_HEIGHT,
    getItemKey: (index) => lines.lines[index]?.key ?? index,
    overscan: OVERSCAN,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor,
    observeElementRect: (instance, onRect) =>
      observeElementRect(instance, (rect) =>
        onRect(rect.height > 0 ? rect : { ...rect, height: UNLAID_VIEW }),
      ),
    // Without layout (a test's DOM) a line measures 0; it keeps its estimate.
    measureElement: (element, entry, instance) => measureElement(element, entry, instance) || LINE_HEIGHT,
  });

  // The cell a move goes to, focused as soon as it is drawn.
  const pending = useRef<GridPoint | null>(null);
  const focusPending = useCallback(() => {
    const to = pending.current;
    const cell =
      to &&
      scroller.current?.querySelector<HTMLElement>(
        `tr[data-grid-row="${to.row}"] [data-grid-col="${to.col}"]`,
      );
    if (!cell) return false;
    pending.current = null;
    cell.focus();
    if (scroller.current) keepClearOfHeaders(scroller.current, cell);
    return true;
  }, []);
  useLayoutEffect(() => {
    focusPending();
  });
  // A move reads the grid as last drawn, so the cells' context stays the same while only scrolling.
  const shape = useRef({ cells, lines });
  shape.current = { cells, lines };
  const move = useCallback(
    (from: GridPoint, how: GridMove) => {
      // A key pressed before the last move's cell is drawn moves on from that cell.
      const to = targetOf(shape.current.cells, pending.current ?? from, how);
      const line = to ? shape.current.lines.lineOf[to.row] : undefined;
      if (!to || line === undefined) return false;
      pending.current = to;
      virtualizer.scrollToIndex(line, { align: "auto" });
      focusPending();
      return true;
    },
    [virtualizer, focusPending],
  );

  const revealed = useRef<{ readonly key: string } | null>(null);
  useEffect(() => {
    if (!reveal || revealed.current === reveal) return;
    const index = lines.lines.findIndex((l) => l.key === reveal.key);
    if (index < 0) return;
    revealed.current = reveal;
    virtualizer.scrollToIndex(index, { align: "center" });
  });

  const onFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    // A cell focused otherwise (a click) wins over a move still waiting for its cell.
    pending.current = null;
    const index = Number(event.target.closest<HTMLElement>("tr[data-index]")?.dataset.index);
    const key = lines.lines[index]?.key;
    if (key !== undefined && key !== focusedKey) setFocusedKey(key);
  };

  // The same context while the grid only scrolls, so the lines already drawn are left as they are.
  const rowContext: RowContext = useMemo(() => ({ ...context, move }), [context, move]);
  const span = grid.buckets.length + 2;
  const drawn: ReactNode[] = [];
  // Spacer rows stand for the lines not drawn: above the window, below it, and between the window
  // and the focused line when that is elsewhere.
  let at = HEADER_HEIGHT;
  const spacer = (height: number, key: string) =>
    height > 0 ? (
      <tr key={key} className="grid-spacer" style={{ height }}>
        <td colSpan={span} />
      </tr>
    ) : null;
  for (const item of virtualizer.getVirtualItems()) {
    const line = lines.lines[item.index];
    if (!line) continue;
    drawn.push(spacer(item.start - at, `spacer-${item.index}`));
    drawn.push(
      <LineRow
        key={line.key}
        line={line}
        index={item.index}
        context={rowContext}
        measure={virtualizer.measureElement}
      />,
    );
    at = item.end;
  }
  drawn.push(spacer(virtualizer.getTotalSize() - at, "spacer-end"));

  return (
    <div className="grid-scroll demand-grid-scroll" ref={scroller} data-testid="demand-grid-scroll">
      <table
        className="grid demand-grid"
        aria-label="Demand by product and month"
        aria-rowcount={lines.lines.length + 1}
        aria-colcount={span}
        data-testid="demand-grid"
      >
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="demand-node" aria-colindex={1}>
              Product
            </th>
            {grid.buckets.map(({ bucket }, i) => (
              <th key={bucket} scope="col" className="align-right" aria-colindex={i + 2}>
                {formatPeriod(bucket)}
              </th>
            ))}
            <th scope="col" className="align-right" aria-colindex={span}>
              Total
            </th>
          </tr>
        </thead>
        <tbody onFocus={onFocus}>{drawn}</tbody>
      </table>
    </div>
  );
}

/**
 * Scrolls a focused cell out from under the sticky header row and product column, which the
 * browser's own scroll on focus does not know about (their size follows the names shown).
 */
function keepClearOfHeaders(box: HTMLElement, cell: HTMLElement) {
  const header = box.querySelector("thead")?.getBoundingClientRect();
  const products = box.querySelector("thead th")?.getBoundingClientRect();
  const at = cell.getBoundingClientRect();
  if (header && at.top < header.bottom) box.scrollTop -= header.bottom - at.top;
  if (products && at.left < products.right) box.scrollLeft -= products.right - at.left;
}
