// The selected row's unit and revenue plan for the year ahead, beside last year, the budget and
// the market share — the demand review's link to the financial plan.

import { useQuery } from "@tanstack/react-query";
import { request } from "../api/http";
import { useWorkspace } from "../api/queries";
import { formatPeriod } from "../format/dates";
import { formatCount, formatMoneyRounded, formatPercentFigure } from "../format/numbers";
import { Panel } from "./panel";
import { ErrorMessage, Loading } from "./query-state";

interface RevenuePlanMonth {
  readonly period: string;
  readonly units: number;
  readonly revenue: number;
  readonly lastYearUnits: number;
  readonly lastYearRevenue: number;
  readonly budgetUnits: number | null;
  readonly budgetRevenue: number | null;
  readonly marketShare: number | null;
}

const change = (value: number, base: number | null) =>
  base === null || base === 0
    ? "–"
    : `${value >= base ? "+" : ""}${formatPercentFigure((100 * (value - base)) / base)}`;

export function RevenuePlanPanel({
  versionId,
  node,
}: {
  versionId: number;
  node: { kind: string; code: string; name: string };
}) {
  const workspace = useWorkspace();
  const currency = workspace.data?.company.currency ?? { code: "EUR", minorDigits: 2 };
  const plan = useQuery({
    queryKey: ["demand", versionId, "revenue-plan", node.kind, node.code],
    queryFn: () =>
      request<{ months: RevenuePlanMonth[] }>(`/plans/versions/${versionId}/revenue-plan`, {
        query: { node: node.code || null, nodeKind: node.code ? node.kind : null },
      }),
  });
  const months = plan.data?.months ?? [];
  const total = (f: (m: RevenuePlanMonth) => number | null) =>
    months.some((m) => f(m) !== null) ? months.reduce((s, m) => s + (f(m) ?? 0), 0) : null;
  const rows: { label: string; value: (m: RevenuePlanMonth) => string; total: string }[] = [
    {
      label: "Plan units",
      value: (m) => formatCount(m.units),
      total: formatCount(total((m) => m.units) ?? 0),
    },
    {
      label: "vs last year %",
      value: (m) => change(m.units, m.lastYearUnits),
      total: change(
        total((m) => m.units) ?? 0,
        total((m) => m.lastYearUnits),
      ),
    },
    {
      label: "vs budget %",
      value: (m) => change(m.units, m.budgetUnits),
      total: change(
        total((m) => m.units) ?? 0,
        total((m) => m.budgetUnits),
      ),
    },
    {
      label: `Plan revenue (${currency.code})`,
      value: (m) => formatMoneyRounded(m.revenue, currency),
      total: formatMoneyRounded(total((m) => m.revenue) ?? 0, currency),
    },
    {
      label: "Last year revenue",
      value: (m) => formatMoneyRounded(m.lastYearRevenue, currency),
      total: formatMoneyRounded(total((m) => m.lastYearRevenue) ?? 0, currency),
    },
    {
      label: "Budget revenue",
      value: (m) => (m.budgetRevenue === null ? "–" : formatMoneyRounded(m.budgetRevenue, currency)),
      total:
        total((m) => m.budgetRevenue) === null
          ? "–"
          : formatMoneyRounded(total((m) => m.budgetRevenue)!, currency),
    },
    {
      label: "Market share %",
      value: (m) => (m.marketShare === null ? "–" : formatPercentFigure(100 * m.marketShare)),
      total: "",
    },
  ];
  return (
    <Panel
      title={`Unit and revenue plan: ${node.name}`}
      subtitle="Consensus (else statistical) at list price, against last year's demand at the prices charged and the budget"
      testId="revenue-plan"
    >
      {plan.isPending ? <Loading /> : null}
      {plan.isError ? <ErrorMessage error={plan.error} /> : null}
      {plan.data ? (
        <div className="heat-map-scroll">
          <table className="grid grid-plain" aria-label="Unit and revenue plan">
            <thead>
              <tr>
                <th scope="col" />
                {months.map((m) => (
                  <th scope="col" key={m.period} className="align-right">
                    {formatPeriod(m.period)}
                  </th>
                ))}
                <th scope="col" className="align-right">
                  Year
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  {months.map((m) => (
                    <td key={m.period} className="align-right num">
                      {r.value(m)}
                    </td>
                  ))}
                  <td className="align-right num">{r.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Panel>
  );
}
