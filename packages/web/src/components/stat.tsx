// A key figure with its label and unit, for summary strips.

import type { ReactNode } from "react";
import { Num } from "./num";

export function Stat({
  label,
  value,
  unit,
  hint,
}: {
  label: string;
  value: ReactNode;
  unit?: string;
  hint?: ReactNode;
}) {
  return (
    <div className="stat">
      <div className="stat-label">{label}</div>
      <div className="stat-value">
        <Num unit={unit}>{value}</Num>
      </div>
      {hint ? <div className="stat-hint">{hint}</div> : null}
    </div>
  );
}
