// A titled section of a page: the calm, bordered box every dashboard block sits in.

import type { ReactNode } from "react";

export interface PanelProps {
  readonly title: ReactNode;
  readonly subtitle?: ReactNode;
  /** Links or buttons at the right of the title bar. */
  readonly actions?: ReactNode;
  readonly children: ReactNode;
  readonly flush?: boolean;
  readonly className?: string;
  readonly testId?: string;
}

export function Panel({ title, subtitle, actions, children, flush, className, testId }: PanelProps) {
  return (
    <section className={className ? `panel ${className}` : "panel"} data-testid={testId}>
      <header className="panel-head">
        <div>
          <h2 className="panel-title">{title}</h2>
          {subtitle ? <p className="panel-subtitle">{subtitle}</p> : null}
        </div>
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </header>
      <div className={flush ? "panel-body panel-flush" : "panel-body"}>{children}</div>
    </section>
  );
}
