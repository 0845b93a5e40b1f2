// The one way a figure appears on screen: tabular digits, right-aligned by its cell, negatives in
// red, and the unit in a quieter face after the number so "1,200 EA" never reads as one token.

import type { ReactNode } from "react";

export function Num({
  children,
  unit,
  negative,
}: {
  children: ReactNode;
  unit?: string;
  negative?: boolean;
}) {
  return (
    <span className={negative ? "num num-negative" : "num"}>
      {children}
      {unit ? <span className="num-unit">{unit}</span> : null}
    </span>
  );
}
