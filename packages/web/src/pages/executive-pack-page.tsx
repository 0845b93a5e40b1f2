// The printable executive pack of a committed plan: the key figures of the horizon, the monthly
// financial plan, revenue, margin and cash month by month, the changes the plan was made of and the
// cycle's decisions. Print CSS hides the app around it, so the browser's "Print" (or "Save as PDF")
// gives the pack alone.

import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import type { DecisionLog } from "../api/cycle";
import { request } from "../api/http";
import { useWorkspace } from "../api/queries";
import { type FinancePeriod, packXlsxUrl, useCommitment } from "../api/scenarios";
import type { CompanyCurrency } from "../api/types";
import { MoneyChart, PLAN_COLORS } from "../components/money-chart";
import { ErrorMessage, Loading } from "../components/query-state";
import { Stat } from "../components/stat";
import { formatDate, formatPeriod, formatPeriodLong, formatTimestamp } from "../format/dates";
import { formatMoneyRounded, formatPercentFigure, formatQuantity } from "../format/numbers";

const EUR: CompanyCurrency = { code: "EUR", minorDigits: 2 };

const COLUMNS: readonly { label: string; value: (p: FinancePeriod) => number | null; units?: boolean }[] = [
  { label: "Units sold", value: (p) => p.unitsSold, units: true },
  { label: "Revenue", value: (p) => p.revenue },
  { label: "Cost of goods", value: (p) => p.cogs.total },
  { label: "Gross margin", value: (p) => p.grossMargin },
  { label: "Inventory value", value: (p) => p.inventoryValue },
  { label: "Working capital", value: (p) => p.workingCapital },
  { label: "Operating cash flow", value: (p) => p.operatingCashFlow },
  { label: "Cumulative cash", value: (p) => p.cumulativeCash },
  { label: "Budget revenue", value: (p) => p.budget.revenue },
];

export function ExecutivePackPage() {
  const id = Number(useParams().id) || null;
  const plan = useCommitment(id);
  const workspace = useWorkspace();
  const period = plan.data?.cyclePeriod;
  const decisions = useQuery({
    queryKey: ["decisions", "period", period],
    queryFn: () => request<DecisionLog>("/decisions", { query: { period } }),
    enabled: !!period,
  });
  const currency = workspace.data?.company.currency ?? EUR;
  if (plan.isPending) return <Loading label="Loading the committed plan…" />;
  if (plan.isError) return <ErrorMessage error={plan.error} />;
  const p = plan.data;
  const months = p.summary.finance?.total.byPeriod ?? [];
  const sum = (f: (m: FinancePeriod) => number) => months.reduce((a, m) => a + f(m), 0);
  const revenue = sum((m) => m.revenue);
  const margin = sum((m) => m.grossMargin);
  const money = (v: number | null) => (v === null ? "—" : formatMoneyRounded(v, currency));
  const periods = months.map((m) => m.period);
  return (
    <article className="page print-pack" data-testid="executive-pack">
      <div className="pack-actions no-print">
        <Link to="/executive">← Executive S&OP</Link>
        <a className="button button-small" href={packXlsxUrl(p.id)} download>
          Excel
        </a>
        <button
          type="button"
          className="button button-primary button-small"
          onClick={() => window.print()}
          data-testid="pack-print-button"
        >
          Print
        </button>
      </div>
      <header className="page-header">
        <div>
          <div className="page-eyebrow">Executive pack · {workspace.data?.company.name}</div>
          <h1 className="page-title">Committed plan, {formatPeriodLong(p.cyclePeriod)} cycle</h1>
          <p className="page-description">
            {p.scenarioName} · committed by {p.committedBy} on {formatTimestamp(p.committedAt)}
          </p>
        </div>
      </header>
      <section className="pack-section">
        <h2 className="panel-title">Rationale</h2>
        <p data-testid="pack-rationale">{p.rationale}</p>
      </section>
      <section className="pack-section">
        <h2 className="panel-title">Key figures over the horizon ({currency.code})</h2>
        <div className="stats stats-boxed" data-testid="pack-figures">
          <Stat label="Revenue" value={money(revenue)} />
          <Stat label="Gross margin" value={money(margin)} />
          <Stat
            label="Gross margin %"
            value={revenue > 0 ? formatPercentFigure((100 * margin) / revenue) : "—"}
          />
          <Stat label="Operating cash flow" value={money(sum((m) => m.operatingCashFlow))} />
          <Stat label="Cash at end" value={money(months.at(-1)?.cumulativeCash ?? null)} />
          <Stat label="Inventory at end" value={money(months.at(-1)?.inventoryValue ?? null)} />
        </div>
      </section>
      {months.length > 0 ? (
        <section className="pack-section">
          <h2 className="panel-title">Revenue, margin and cash</h2>
          <MoneyChart
            periods={periods}
            currency={currency}
            label="Revenue, gross margin and cumulative cash per month"
            testId="pack-chart"
            height={260}
            series={[
              { name: "Revenue", values: months.map((m) => m.revenue), color: PLAN_COLORS[0] },
              { name: "Gross margin", values: months.map((m) => m.grossMargin), color: PLAN_COLORS[2] },
              {
                name: "Cumulative cash",
                values: months.map((m) => m.cumulativeCash),
                color: PLAN_COLORS[1],
                dashed: true,
              },
            ]}
          />
        </section>
      ) : null}
      <section className="pack-section">
        <h2 className="panel-title">Financial plan by month ({currency.code})</h2>
        {months.length === 0 ? <p className="muted">This plan has no financial plan.</p> : null}
        {months.length > 0 ? (
          <table className="grid grid-plain" aria-label="Financial plan" data-testid="pack-finance">
            <thead>
              <tr>
                <th scope="col">Month</th>
                {COLUMNS.map((c) => (
                  <th scope="col" className="align-right" key={c.label}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.period} data-period={m.period}>
                  <th scope="row">{formatPeriod(m.period)}</th>
                  {COLUMNS.map((c) => {
                    const v = c.value(m);
                    return (
                      <td className="align-right num" key={c.label}>
                        {c.units ? formatQuantity(v ?? 0, 0) : money(v)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <section className="pack-section">
        <h2 className="panel-title">What the plan changes against the base</h2>
        {p.changes.length === 0 ? <p className="muted">The base plan, unchanged.</p> : null}
        <ul className="change-list" data-testid="pack-changes">
          {p.changes
            .filter((c) => !c.withdrawnAt)
            .map((c) => (
              <li key={`${c.scenarioId}:${c.id}`} className="change">
                <div className="change-summary">{c.summary}</div>
                <div className="change-meta muted">
                  {c.reason} · {c.createdBy}
                </div>
              </li>
            ))}
        </ul>
      </section>
      <section className="pack-section">
        <h2 className="panel-title">Decisions</h2>
        {decisions.data && decisions.data.decisions.length === 0 ? (
          <p className="muted">No decisions recorded.</p>
        ) : null}
        {decisions.data && decisions.data.decisions.length > 0 ? (
          <table className="grid grid-plain" aria-label="Decisions" data-testid="pack-decisions">
            <thead>
              <tr>
                <th scope="col">Decision</th>
                <th scope="col">Rationale</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {decisions.data.decisions.map((d) => (
                <tr key={d.id}>
                  <td>{d.title}</td>
                  <td>{d.rationale}</td>
                  <td>{d.owner.displayName}</td>
                  <td>{d.dueDate ? formatDate(d.dueDate) : "—"}</td>
                  <td>{d.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </article>
  );
}
