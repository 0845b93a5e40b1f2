// The printable monthly S&OP performance report: the month's scorecard (value that month and over
// the twelve months to it, target, status), each KPI's trend and the top exceptions, with the
// Excel workbook beside it. Print CSS hides the app around it, as for the executive pack.

import { Link, useSearchParams } from "react-router";
import { useWorkspace } from "../api/queries";
import { reportXlsxUrl, usePerformanceReport } from "../api/scorecard";
import type { CompanyCurrency } from "../api/types";
import { formatKpi, KpiValue } from "../components/kpi-value";
import { ErrorMessage, Loading } from "../components/query-state";
import { Sparkline } from "../components/sparkline";
import { formatMoneyRounded } from "../format/numbers";

const EUR: CompanyCurrency = { code: "EUR", minorDigits: 2 };

export function PerformanceReportPage() {
  const [params] = useSearchParams();
  const month = params.get("month");
  const workspace = useWorkspace();
  const currency = workspace.data?.company.currency ?? EUR;
  const report = usePerformanceReport(month);
  if (!month) return <p className="muted">Choose a month: /monitor/report?month=YYYY-MM</p>;
  if (report.isPending) return <Loading label="Writing the report…" />;
  if (report.isError) return <ErrorMessage error={report.error} />;
  const r = report.data;
  return (
    <article className="page print-pack" data-testid="performance-report">
      <div className="pack-actions no-print">
        <Link to="/monitor/scorecard">← KPI scorecard</Link>
        <a className="button button-small" href={reportXlsxUrl(r.month)} download>
          Excel
        </a>
        <button type="button" className="button button-primary button-small" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <header className="page-header">
        <div>
          <div className="page-eyebrow">S&amp;OP performance report · {workspace.data?.company.name}</div>
          <h1 className="page-title">{r.month}</h1>
          <p className="page-description" data-testid="report-plan">
            {r.committedPlan.cyclePeriod
              ? `Measured against the committed plan of the ${r.committedPlan.cyclePeriod} cycle`
              : `No committed plan: ${r.committedPlan.reason}`}
          </p>
        </div>
      </header>
      <section className="pack-section">
        <h2 className="panel-title">Scorecard</h2>
        <table className="grid grid-plain" aria-label="Scorecard" data-testid="report-scorecard">
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col">KPI</th>
              <th scope="col" className="align-right">
                {r.month}
              </th>
              <th scope="col" className="align-right">
                {r.from} – {r.month}
              </th>
              <th scope="col" className="align-right">
                Target
              </th>
              <th scope="col">Trend</th>
            </tr>
          </thead>
          <tbody>
            {r.kpis.map((k) => (
              <tr key={k.code} data-kpi={k.code}>
                <td>{k.area}</td>
                <th scope="row" title={k.definition}>
                  {k.name}
                </th>
                <td className="align-right">
                  <KpiValue value={k.monthValue} unit={k.unit} status={null} currency={currency} />
                </td>
                <td className="align-right">
                  <KpiValue value={k.windowValue} unit={k.unit} status={k.status} currency={currency} />
                </td>
                <td className="align-right num">{formatKpi(k.target, k.unit, currency)}</td>
                <td>
                  {k.trend.length > 0 ? (
                    <Sparkline values={k.trend.map((t) => t.value)} label={`${k.name} month by month`} />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="pack-section">
        <h2 className="panel-title">Top exceptions</h2>
        {r.exceptions.length === 0 ? (
          <p className="muted" data-testid="report-no-exceptions">
            No exceptions recorded.
          </p>
        ) : (
          <table className="grid grid-plain" aria-label="Exceptions" data-testid="report-exceptions">
            <thead>
              <tr>
                <th scope="col">Exception</th>
                <th scope="col">Subject</th>
                <th scope="col" className="align-right">
                  Value at stake ({currency.code})
                </th>
                <th scope="col">Acknowledged by</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {r.exceptions.map((e) => (
                <tr key={`${e.kind}:${e.subject}`}>
                  <td>
                    <Link to={e.link}>{e.title}</Link>
                  </td>
                  <td>{e.subject}</td>
                  <td className="align-right num">{formatMoneyRounded(e.valueAtStake, currency)}</td>
                  <td>{e.acknowledgedBy ?? "—"}</td>
                  <td>{e.action ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="pack-section">
        <h2 className="panel-title">Definitions</h2>
        <dl className="kpi-definitions">
          {r.kpis.map((k) => (
            <div key={k.code}>
              <dt>{k.name}</dt>
              <dd>{k.definition}</dd>
            </div>
          ))}
        </dl>
      </section>
    </article>
  );
}
