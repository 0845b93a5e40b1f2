// The production plan by product family, each family's SKUs shown on demand: units made per month
// at each plant, with the family's total on its own row.

import { Fragment, useState } from "react";
import type { ProductionRow } from "../api/types";
import { formatPeriod } from "../format/dates";
import { formatCount } from "../format/numbers";

interface Family {
  readonly name: string;
  readonly rows: readonly ProductionRow[];
  readonly totals: readonly number[];
}

/** Rows grouped by family in first-seen order, with per-period totals. */
export function familiesOf(rows: readonly ProductionRow[], periods: number): Family[] {
  const families = new Map<string, ProductionRow[]>();
  for (const row of rows) families.set(row.family, [...(families.get(row.family) ?? []), row]);
  return [...families].map(([name, members]) => ({
    name,
    rows: members,
    totals: Array.from({ length: periods }, (_, t) =>
      members.reduce((sum, r) => sum + (r.quantities[t] ?? 0), 0),
    ),
  }));
}

export function ProductionPlanTable({
  periods,
  rows,
}: {
  periods: readonly string[];
  rows: readonly ProductionRow[];
}) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (family: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(family)) next.add(family);
      return next;
    });
  return (
    <div className="heat-map-scroll">
      <table className="grid grid-plain" aria-label="Production plan" data-testid="production-plan">
        <thead>
          <tr>
            <th scope="col">Family / SKU</th>
            <th scope="col">Plant</th>
            {periods.map((p) => (
              <th scope="col" key={p} className="align-right">
                {formatPeriod(p)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {familiesOf(rows, periods.length).map((family) => (
            <Fragment key={family.name}>
              <tr className="row-emphasis" data-family={family.name}>
                <th scope="row" colSpan={2} className="production-name">
                  <button
                    type="button"
                    className="link-button"
                    aria-expanded={open.has(family.name)}
                    onClick={() => toggle(family.name)}
                  >
                    {open.has(family.name) ? "▾" : "▸"} {family.name}
                  </button>{" "}
                  <span className="muted">{family.rows.length} SKUs</span>
                </th>
                {family.totals.map((q, t) => (
                  <td key={periods[t]} className="align-right num">
                    {formatCount(q)}
                  </td>
                ))}
              </tr>
              {open.has(family.name)
                ? family.rows.map((row) => (
                    <tr key={`${row.sku}@${row.plant}`} data-sku={row.sku}>
                      <td title={row.name} className="production-name">
                        <span className="code">{row.sku}</span> {row.name}
                      </td>
                      <td>{row.plant}</td>
                      {row.quantities.map((q, t) => (
                        <td key={periods[t]} className="align-right num">
                          {formatCount(q)}
                        </td>
                      ))}
                    </tr>
                  ))
                : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
