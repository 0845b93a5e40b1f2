// A trail of links from a root to the current place, the last step plain text.

import type { ReactNode } from "react";

export interface Crumb {
  readonly key: string;
  readonly label: ReactNode;
  readonly onSelect?: () => void;
}

export function Breadcrumb({ crumbs, testId }: { crumbs: readonly Crumb[]; testId?: string }) {
  return (
    <nav className="breadcrumb" aria-label="Breadcrumb" data-testid={testId}>
      <ol>
        {crumbs.map((crumb, index) => {
          const last = index === crumbs.length - 1;
          return (
            <li key={crumb.key}>
              {last || !crumb.onSelect ? (
                <span aria-current={last ? "location" : undefined}>{crumb.label}</span>
              ) : (
                <button type="button" className="link-button" onClick={crumb.onSelect}>
                  {crumb.label}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
