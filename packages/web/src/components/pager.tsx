// Paging controls for server-side paged grids: the visible range, the total, and page steps.

import { formatCount } from "../format/numbers";

export interface PagerProps {
  readonly offset: number;
  readonly limit: number;
  readonly total: number;
  readonly onOffset: (offset: number) => void;
}

export function Pager({ offset, limit, total, onOffset }: PagerProps) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  const lastOffset = (pages - 1) * limit;
  return (
    <div className="pager" data-testid="pager">
      <span className="pager-range">
        <span className="num">
          {formatCount(first)}–{formatCount(last)}
        </span>{" "}
        of <span className="num">{formatCount(total)}</span>
      </span>
      <div className="pager-buttons">
        <button
          type="button"
          className="button button-icon"
          onClick={() => onOffset(0)}
          disabled={offset === 0}
          aria-label="First page"
        >
          «
        </button>
        <button
          type="button"
          className="button button-icon"
          onClick={() => onOffset(Math.max(0, offset - limit))}
          disabled={offset === 0}
          aria-label="Previous page"
        >
          ‹
        </button>
        <span className="pager-page">
          Page <span className="num">{formatCount(page)}</span> of{" "}
          <span className="num">{formatCount(pages)}</span>
        </span>
        <button
          type="button"
          className="button button-icon"
          onClick={() => onOffset(offset + limit)}
          disabled={offset + limit >= total}
          aria-label="Next page"
        >
          ›
        </button>
        <button
          type="button"
          className="button button-icon"
          onClick={() => onOffset(lastOffset)}
          disabled={offset >= lastOffset}
          aria-label="Last page"
        >
          »
        </button>
      </div>
    </div>
  );
}
