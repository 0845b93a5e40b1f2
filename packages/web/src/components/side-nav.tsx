// The left navigation: the cycle overview, then one entry per S&OP stage in meeting order, with a
// marker on the stage the cycle is in now. A supplier user sees only its portal.

import type { ReactNode } from "react";
import { NavLink } from "react-router";
import type { CycleStageKey } from "../api/types";
import { STAGES } from "../stages/stage-config";
import { NavIcon } from "./nav-icon";

const SUB_LINKS: Record<string, readonly { to: string; label: string; icon: string }[]> = {
  data: [{ to: "/data/import", label: "Import", icon: "import" }],
  demand: [
    { to: "/demand/hierarchy", label: "Product hierarchy", icon: "hierarchy" },
    { to: "/demand/forecast", label: "Statistical forecast", icon: "forecast" },
    { to: "/demand/analysis", label: "Demand analysis", icon: "forecast" },
    { to: "/demand/review", label: "Demand review", icon: "review" },
    { to: "/demand/accuracy", label: "Forecast accuracy", icon: "monitor" },
    { to: "/demand/segmentation", label: "Segmentation", icon: "hierarchy" },
  ],
  supply: [{ to: "/supply/review", label: "Supply review", icon: "review" }],
};

export function SideNav({
  currentStage,
  supplier = false,
}: {
  currentStage: CycleStageKey | null;
  /** The supplier portal's navigation: its one page. */
  supplier?: boolean;
}) {
  const link = (
    to: string,
    label: string,
    icon: string,
    options: { end?: boolean; sub?: boolean; current?: boolean },
  ) => (
    <NavLink
      key={to}
      to={to}
      end={options.end}
      className={({ isActive }) =>
        ["nav-link", options.sub ? "nav-sub" : "", isActive ? "nav-active" : ""].join(" ").trim()
      }
    >
      <NavIcon name={icon} />
      <span className="nav-text">{label}</span>
      {options.current ? <span className="nav-current" title="The cycle is in this stage" /> : null}
    </NavLink>
  );
  return (
    <nav className="side-nav" aria-label="Main">
      <div className="brand">
        <svg viewBox="0 0 16 16" className="brand-mark" aria-hidden="true">
          <path d="M2 13h12L8 3z" fill="currentColor" />
        </svg>
        <span className="brand-name">Fulcrum</span>
        <span className="brand-product">S&amp;OP</span>
      </div>
      {supplier ? (
        <div className="nav-section">{link("/supplier", "Supplier portal", "supply", { end: true })}</div>
      ) : (
        <CompanyLinks link={link} currentStage={currentStage} />
      )}
    </nav>
  );
}

function CompanyLinks({
  link,
  currentStage,
}: {
  link: (
    to: string,
    label: string,
    icon: string,
    options: { end?: boolean; sub?: boolean; current?: boolean },
  ) => ReactNode;
  currentStage: CycleStageKey | null;
}) {
  const cycle = STAGES.filter((s) => s.id !== "monitor");
  const monitor = STAGES.filter((s) => s.id === "monitor");
  return (
    <>
      <div className="nav-section">{link("/", "Cycle overview", "overview", { end: true })}</div>
      <div className="nav-section">
        <div className="nav-heading">S&amp;OP cycle</div>
        {cycle.map((stage) => (
          <div key={stage.id}>
            {link(stage.path, stage.label, stage.id, {
              end: true,
              current: currentStage !== null && stage.cycleStages.includes(currentStage),
            })}
            {(SUB_LINKS[stage.id] ?? []).map((sub) => link(sub.to, sub.label, sub.icon, { sub: true }))}
          </div>
        ))}
      </div>
      <div className="nav-section">
        <div className="nav-heading">Operations</div>
        {monitor.map((stage) => link(stage.path, stage.label, stage.id, { end: true }))}
        {link("/monitor/scorecard", "KPI scorecard", "review", { sub: true })}
        {link("/monitor/promising", "Order promising", "review", { sub: true })}
        {link("/monitor/exceptions", "Exceptions", "monitor", { sub: true })}
      </div>
    </>
  );
}
