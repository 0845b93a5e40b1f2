// Plans side by side — the base plan, scenarios, committed plans — at a node of the product
// hierarchy and over a span of months: every figure per plan with its difference to the first plan
// coloured by whether it is better or worse, the budget, the whole-plan costs and cash, revenue and
// margin month by month, and the node's children to drill into (brand → family → SKU) with a
// breadcrumb back. The same query downloads as an Excel workbook.

import { useMemo, useState } from "react";
import {
  type Comparison,
  type ComparisonColumn,
  type ComparisonQuery,
  comparisonXlsxUrl,
  type PlanRef,
  useComparison,
} from "../api/scenarios";
import type { CompanyCurrency } from "../api/types";
import {
  differenceTone,
  type FigureDef,
  formatDifference,
  formatFigure,
  PLAN_FIGURES,
  WHOLE_PLAN_FIGURES,
} from "../format/plan-figure-labels";
import { Breadcrumb } from "./breadcrumb";
import { MoneyChart, PLAN_COLORS } from "./money-chart";
import { Panel } from "./panel";
import { ErrorMessage, Loading } from "./query-state";
import { Tag } from "./tag";

export const MAX_COMPARED = 5;

export interface PlanOption {
  readonly ref: PlanRef;
  readonly label: string;
  /** Not comparable yet (never planned): shown, but cannot be picked. */
  readonly disabled?: boolean;
}

type NodeStep = { readonly code: string; readonly kind: "group" | "item"; readonly name: string };

export function PlanComparison({
  options,
  initial,
  currency,
  keyFigures,
  testId = "plan-comparison",
}: {
  options: readonly PlanOption[];
  /** The plans ticked at first, in column order. */
  initial: readonly PlanRef[];
  currency: CompanyCurrency;
  /** A dashboard's few figures (of either list), shown first; every figure one click away. */
  keyFigures?: readonly string[];
  testId?: string;
}) {
  const [picked, setPicked] = useState<readonly PlanRef[] | null>(null);
  const plans = (picked ?? initial).slice(0, MAX_COMPARED);
  const [path, setPath] = useState<readonly NodeStep[]>([]);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const node = path.at(-1) ?? null;
  const query: ComparisonQuery = {
    plans,
    node: node ? { code: node.code, kind: node.kind } : null,
    from: from || null,
    to: to || null,
  };
  const comparison = useComparison(plans.length > 0 ? query : null);
  const toggle = (ref: PlanRef) =>
    setPicked(plans.includes(ref) ? plans.filter((p) => p !== ref) : [...plans, ref]);
  const crumbs = [
    { key: "all", label: "All products", onSelect: () => setPath([]) },
    ...path.map((step, i) => ({
      key: `${step.kind}:${step.code}`,
      label: step.name,
      onSelect: () => setPath(path.slice(0, i + 1)),
    })),
  ];
  return (
    <Panel
      title="Plans compared"
      subtitle="Each plan's figures for the products and months chosen; differences are to the first plan"
      testId={testId}
      actions={
        plans.length > 0 ? (
          <a
            className="button button-small"
            href={comparisonXlsxUrl(query)}
            download
            data-testid="comparison-export"
          >
            Export to Excel
          </a>
        ) : null
      }
    >
      <div className="comparison-controls">
        <fieldset className="comparison-plans" data-testid="comparison-plans">
          <legend className="field-label">Plans (up to {MAX_COMPARED})</legend>
          {options.map((o) => (
            <label key={o.ref} className="checkbox">
              <input
                type="checkbox"
                checked={plans.includes(o.ref)}
                disabled={o.disabled || (!plans.includes(o.ref) && plans.length >= MAX_COMPARED)}
                onChange={() => toggle(o.ref)}
                data-plan={o.ref}
              />
              {o.label}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span className="field-label">From month</span>
          <input
            className="input input-small"
            type="month"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            data-testid="comparison-from"
          />
        </label>
        <label className="field">
          <span className="field-label">To month</span>
          <input
            className="input input-small"
            type="month"
            value={to}
            onChange={(event) => setTo(event.target.value)}
            data-testid="comparison-to"
          />
        </label>
      </div>
      <Breadcrumb crumbs={crumbs} testId="comparison-breadcrumb" />
      {plans.length === 0 ? <p className="muted">Pick the plans to compare.</p> : null}
      {comparison.isPending && plans.length > 0 ? <Loading label="Comparing the plans…" /> : null}
      {comparison.isError ? (
        <ErrorMessage error={comparison.error} title="Could not compare these plans" />
      ) : null}
      {comparison.data ? (
        <ComparisonBody
          comparison={comparison.data}
          currency={currency}
          keyFigures={keyFigures}
          onDrill={(child) => setPath([...path, child])}
        />
      ) : null}
    </Panel>
  );
}

/** A whole-plan figure is read from `wholePlan`, the others from the node's `figures`. */
const WHOLE_PLAN_KEYS = new Set(WHOLE_PLAN_FIGURES.map((f) => f.key));
const figureValue = (c: ComparisonColumn, key: string) =>
  (WHOLE_PLAN_KEYS.has(key) ? c.wholePlan[key] : c.figures[key]) ?? null;

function ComparisonBody({
  comparison,
  currency,
  keyFigures,
  onDrill,
}: {
  comparison: Comparison;
  currency: CompanyCurrency;
  keyFigures: readonly string[] | undefined;
  onDrill: (step: NodeStep) => void;
}) {
  const { columns, periods } = comparison;
  const [every, setEvery] = useState(false);
  const dashboard = keyFigures && !every ? [...PLAN_FIGURES, ...WHOLE_PLAN_FIGURES] : null;
  const series = useMemo(
    () =>
      columns.flatMap((c, i) => [
        {
          name: `${c.label}: revenue`,
          values: c.byPeriod.map((p) => (typeof p.revenue === "number" ? p.revenue : null)),
          color: PLAN_COLORS[i % PLAN_COLORS.length]!,
        },
        {
          name: `${c.label}: margin`,
          values: c.byPeriod.map((p) => (typeof p.grossMargin === "number" ? p.grossMargin : null)),
          color: PLAN_COLORS[i % PLAN_COLORS.length]!,
          dashed: true,
        },
      ]),
    [columns],
  );
  const span = periods.length > 0 ? `${periods[0]} – ${periods.at(-1)}` : "";
  return (
    <>
      <p className="muted" data-testid="comparison-scope">
        {comparison.node.name}
        {comparison.node.level ? ` (${comparison.node.level})` : ""} · {span}
      </p>
      <FigureTable
        label="Figures compared"
        testId="comparison-table"
        columns={columns}
        currency={currency}
        figures={
          dashboard && keyFigures
            ? keyFigures.flatMap((key) => dashboard.filter((f) => f.key === key))
            : PLAN_FIGURES
        }
        value={figureValue}
        budget
      />
      {keyFigures ? (
        <button
          type="button"
          className="link-button"
          onClick={() => setEvery(!every)}
          data-testid="comparison-every-figure"
        >
          {every ? "Show the key figures only" : "Show every figure"}
        </button>
      ) : null}
      {dashboard ? null : (
        <FigureTable
          label="Whole-plan figures"
          testId="comparison-whole-plan"
          columns={columns}
          currency={currency}
          figures={WHOLE_PLAN_FIGURES}
          value={figureValue}
          caption="Resources, costs and cash belong to the whole plan, whatever products are chosen."
        />
      )}
      <MoneyChart
        periods={periods}
        series={series}
        currency={currency}
        label="Revenue and gross margin per month and plan"
        testId="comparison-chart"
      />
      {comparison.children.length > 0 ? (
        <ChildTable comparison={comparison} currency={currency} onDrill={onDrill} />
      ) : null}
    </>
  );
}

function FigureTable({
  label,
  testId,
  columns,
  currency,
  figures,
  value,
  budget,
  caption,
}: {
  label: string;
  testId: string;
  columns: readonly ComparisonColumn[];
  currency: CompanyCurrency;
  figures: readonly FigureDef[];
  value: (column: ComparisonColumn, key: string) => number | null;
  budget?: boolean;
  caption?: string;
}) {
  const first = columns[0];
  return (
    <div className="grid-scroll">
      <table className="grid grid-plain comparison-table" aria-label={label} data-testid={testId}>
        {caption ? <caption className="muted">{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">{label === "Figures compared" ? "Figure" : label}</th>
            {columns.map((c, i) => (
              <th scope="col" className="align-right" key={c.key} data-column={c.key}>
                {c.label}
                {c.committed ? <Tag tone="success">Committed</Tag> : null}
                {c.stale ? <Tag tone="warning">Stale</Tag> : null}
                {i > 0 ? <div className="muted comparison-diff-head">vs {first?.label}</div> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => {
            const base = first ? value(first, f.key) : null;
            return (
              <tr key={f.key} data-figure={f.key}>
                <th scope="row">{f.label}</th>
                {columns.map((c, i) => {
                  const v = value(c, f.key);
                  const diff = i > 0 && v !== null && base !== null ? v - base : null;
                  const tone = differenceTone(diff, f, currency);
                  return (
                    <td className="align-right num" key={c.key} data-column={c.key}>
                      {formatFigure(v, f.format, currency)}
                      {i > 0 ? (
                        <div className={`comparison-diff diff-${tone}`} data-tone={tone}>
                          {tone === "same" ? "=" : formatDifference(diff, f.format, currency)}
                        </div>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {budget ? (
            <tr data-figure="budgetRevenue">
              <th scope="row">Budget revenue</th>
              {columns.map((c) => (
                <td className="align-right num" key={c.key}>
                  {formatFigure(c.budget.revenue, "money", currency)}
                  {c.budget.revenue !== null && c.figures.revenue != null ? (
                    <div className="comparison-diff muted">
                      {formatDifference(c.figures.revenue - c.budget.revenue, "money", currency)} to budget
                    </div>
                  ) : null}
                </td>
              ))}
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

const DRILL_FIGURES = PLAN_FIGURES.filter((f) => ["revenue", "grossMargin", "lostRevenue"].includes(f.key));

function ChildTable({
  comparison,
  currency,
  onDrill,
}: {
  comparison: Comparison;
  currency: CompanyCurrency;
  onDrill: (step: NodeStep) => void;
}) {
  const { columns } = comparison;
  return (
    <div className="grid-scroll">
      <table
        className="grid grid-plain comparison-table"
        aria-label="Drill down"
        data-testid="comparison-children"
      >
        <thead>
          <tr>
            <th scope="col">{comparison.children[0]?.kind === "item" ? "SKU" : "Group"}</th>
            {columns.flatMap((c) =>
              DRILL_FIGURES.map((f) => (
                <th scope="col" className="align-right" key={`${c.key}:${f.key}`}>
                  {c.label}: {f.label}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {comparison.children.map((child, row) => (
            <tr key={child.code} data-child={child.code}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onDrill({ code: child.code, kind: child.kind, name: child.name })}
                  title={`Compare ${child.name} (${child.code})`}
                >
                  {child.name}
                </button>
              </th>
              {columns.flatMap((c, i) =>
                DRILL_FIGURES.map((f) => {
                  const v = c.children[row]?.figures[f.key] ?? null;
                  const base = columns[0]!.children[row]?.figures[f.key] ?? null;
                  const diff = i > 0 && v !== null && base !== null ? v - base : null;
                  const tone = differenceTone(diff, f, currency);
                  return (
                    <td className={`align-right num diff-cell-${tone}`} key={`${c.key}:${f.key}`}>
                      {formatFigure(v, f.format, currency)}
                    </td>
                  );
                }),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
