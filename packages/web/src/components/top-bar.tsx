// The bar above every screen: company, cycle month and stage, the as-of date, and who is signed
// in with which role — the context every number on the page depends on — and the way to the inbox.

import { ROLE_LABELS } from "@fulcrum/domain";
import type { User, Workspace } from "../api/types";
import { formatDate, formatPeriodLong } from "../format/dates";
import { InboxBadge } from "./inbox-badge";
import { Tag } from "./tag";

export interface TopBarProps {
  readonly workspace: Workspace | undefined;
  readonly user: User;
  readonly onSignOut: () => void;
  readonly signingOut: boolean;
  /** What to name in place of the company when there is no workspace (a supplier's own name). */
  readonly context?: string;
  /** Company users have an inbox of comments mentioning them; a supplier's user does not. */
  readonly inbox?: boolean;
}

export function TopBar({ workspace, user, onSignOut, signingOut, context, inbox }: TopBarProps) {
  const company = workspace?.company;
  const stage = workspace?.cycle.stages.find((s) => s.stage === workspace.cycle.stage);
  return (
    <header className="top-bar" data-testid="top-bar">
      <div className="top-context">
        <span className="top-company">{company?.name ?? context ?? "…"}</span>
        {company?.demo ? <Tag tone="info">Demo</Tag> : null}
        {workspace ? (
          <>
            <span className="top-divider" aria-hidden="true" />
            <span className="top-field">
              <span className="top-label">Cycle</span>
              <span className="top-value" data-testid="cycle-period">
                {formatPeriodLong(workspace.cycle.period)}
              </span>
            </span>
            {stage ? (
              <span className="top-field">
                <span className="top-label">Stage</span>
                <span className="top-value">{stage.label}</span>
              </span>
            ) : null}
            <span className="top-field">
              <span className="top-label">As of</span>
              <span className="top-value">{formatDate(workspace.company.asOf)}</span>
            </span>
            <span className="top-field">
              <span className="top-label">Currency</span>
              <span className="top-value">{workspace.company.currency.code}</span>
            </span>
          </>
        ) : null}
      </div>
      <div className="top-user">
        {inbox ? <InboxBadge /> : null}
        <div className="avatar" aria-hidden="true">
          {initials(user.displayName)}
        </div>
        <div className="top-user-text">
          <span className="top-user-name" data-testid="user-name">
            {user.displayName}
          </span>
          <span className="top-user-role">{ROLE_LABELS[user.role] ?? user.role}</span>
        </div>
        <button type="button" className="button button-quiet" onClick={onSignOut} disabled={signingOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}
