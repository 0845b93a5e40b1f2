// The alignment meeting's gap view for one plan (the base or a scenario): unconstrained demand
// against what the plan serves per product family, segment and month, what fills each gap
// (pre-build, overtime, subcontract) and at what cost, and what is left as backlog or lost with its
// revenue; totals per family; and the allocation panel — each segment's service under a chosen
// allocation rule beside the plan's own split.

import { Fragment, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useWorkspace } from "../api/queries";
import {
  type AllocationRule,
  type GapRow,
  type SegmentService,
  useAlignment,
  useScenarios,
} from "../api/scenarios";
import type { CompanyCurrency } from "../api/types";
import { PageHeader } from "../components/page-header";
import { Panel } from "../components/panel";
import { ErrorMessage, Loading } from "../components/query-state";
import { formatPeriod } from "../format/dates";
import { formatMoneyRounded, formatPercentFigure, formatQuantity } from "../format/numbers";

const EUR: CompanyCurrency = { code: "EUR", minorDigits: 2 };

export const RULE_LABELS: Record<AllocationRule, string> = {
  priority: "By segment priority",
  margin: "By margin",
  "fair-share": "Fair share",
};

type Measure = { key: keyof GapRow; label: string; money?: boolean; hours?: boolean };
const GAP_MEASURES: readonly Measure[] = [
  { key: "demandUnits", label: "Demand" },
  { key: "servedUnits", label: "Served" },
  { key: "gapUnits", label: "Gap" },
  { key: "prebuildUnits", label: "Pre-build" },
  { key: "overtimeHours", label: "Overtime h", hours: true },
  { key: "overtimeCost", label: "Overtime cost", money: true },
  { key: "subcontractUnits", label: "Subcontract" },
  { key: "subcontractCost", label: "Subcontract cost", money: true },
  { key: "backlogUnits", label: "Backlog" },
  { key: "lostUnits", label: "Lost" },
  { key: "lostRevenue", label: "Lost revenue", money: true },
];

type Totals = Record<string, number>;
const add = (into: Totals, row: GapRow) => {
  // Backlog is a balance: the family's total is what is owed at the end, not a sum of months.
  for (const m of GAP_MEASURES)
    if (m.key !== "backlogUnits") into[m.key] = (into[m.key] ?? 0) + (row[m.key] as number);
};

export function AlignmentPage() {
  const workspace = useWorkspace();
  const scenarios = useScenarios();
  const [params, setParams] = useSearchParams();
  const list = scenarios.data ?? [];
  const chosen = Number(params.get("scenario")) || null;
  const scenarioId = chosen ?? list.find((s) => s.isBase)?.id ?? null;
  const alignment = useAlignment(scenarioId);
  const currency = workspace.data?.company.currency ?? EUR;
  const [segment, setSegment] = useState("");
  const [rule, setRule] = useState<AllocationRule>("priority");
  return (
    <div className="page" data-testid="alignment-page">
      <PageHeader
        eyebrow={<Link to="/alignment">Alignment</Link>}
        title="Demand–supply gap"
        description="Where the plan serves less than the demand, what fills the gap and what it costs, and how each allocation rule would share a shortage between segments."
      />
      <div className="supply-toolbar">
        <label className="field">
          <span className="field-label">Plan</span>
          <select
            className="input input-small"
            value={scenarioId ?? ""}
            onChange={(event) => setParams({ scenario: event.target.value })}
            data-testid="alignment-plan"
          >
            {list.map((s) => (
              <option key={s.id} value={s.id}>
                {s.isBase ? `${s.name} (base)` : s.name}
              </option>
            ))}
          </select>
        </label>
        {alignment.data ? (
          <label className="field">
            <span className="field-label">Segment</span>
            <select
              className="input input-small"
              value={segment}
              onChange={(event) => setSegment(event.target.value)}
              data-testid="alignment-segment"
            >
              <option value="">All segments</option>
              {[...new Set(alignment.data.gap.map((r) => r.segment))].sort().map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {scenarios.isError ? <ErrorMessage error={scenarios.error} /> : null}
      {alignment.isPending && scenarioId !== null ? <Loading label="Loading the alignment figures…" /> : null}
      {alignment.isError ? (
        <ErrorMessage error={alignment.error} title="No alignment figures for this plan" />
      ) : null}
      {alignment.data ? (
        <>
          <GapPanel
            rows={alignment.data.gap.filter((r) => segment === "" || r.segment === segment)}
            currency={currency}
          />
          <AllocationPanel
            asPlanned={alignment.data.allocation.asPlanned}
            byRule={alignment.data.allocation.byRule[rule] ?? []}
            rule={rule}
            onRule={setRule}
            currency={currency}
          />
        </>
      ) : null}
    </div>
  );
}

function GapPanel({ rows, currency }: { rows: readonly GapRow[]; currency: CompanyCurrency }) {
  const families = useMemo(() => {
    const byFamily = new Map<string, { rows: GapRow[]; totals: Totals; backlogAtEnd: number }>();
    for (const row of rows) {
      let family = byFamily.get(row.group);
      if (!family) {
        family = { rows: [], totals: {}, backlogAtEnd: 0 };
        byFamily.set(row.group, family);
      }
      family.rows.push(row);
      add(family.totals, row);
    }
    for (const family of byFamily.values()) {
      const last = family.rows.reduce((a, r) => (r.period > a ? r.period : a), "");
      family.backlogAtEnd = family.rows
        .filter((r) => r.period === last)
        .reduce((a, r) => a + r.backlogUnits, 0);
      family.rows.sort((a, b) => a.period.localeCompare(b.period) || a.segment.localeCompare(b.segment));
    }
    return [...byFamily.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [rows]);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const cell = (m: Measure, value: number) =>
    m.money ? formatMoneyRounded(value, currency) : formatQuantity(value, m.hours ? 1 : 0);
  return (
    <Panel
      title="Gap per family, segment and month"
      subtitle={`Units unless marked; money in ${currency.code}. Open a family for its months.`}
      flush
      testId="alignment-gap"
    >
      {families.length === 0 ? <p className="muted">No demand in this plan for the chosen segment.</p> : null}
      {families.length > 0 ? (
        <div className="grid-scroll">
          <table className="grid grid-plain" aria-label="Demand–supply gap">
            <thead>
              <tr>
                <th scope="col">Family / month</th>
                <th scope="col">Segment</th>
                {GAP_MEASURES.map((m) => (
                  <th scope="col" className="align-right" key={m.key}>
                    {m.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {families.map(([family, f]) => (
                <Fragment key={family}>
                  <tr className="row-total" data-family={family}>
                    <th scope="row">
                      <button
                        type="button"
                        className="link-button"
                        aria-expanded={open.has(family)}
                        onClick={() => {
                          const next = new Set(open);
                          if (next.has(family)) next.delete(family);
                          else next.add(family);
                          setOpen(next);
                        }}
                      >
                        {family}
                      </button>
                    </th>
                    <td className="muted">all</td>
                    {GAP_MEASURES.map((m) => (
                      <td className="align-right num" key={m.key} data-measure={m.key}>
                        {cell(m, m.key === "backlogUnits" ? f.backlogAtEnd : (f.totals[m.key] ?? 0))}
                      </td>
                    ))}
                  </tr>
                  {open.has(family)
                    ? f.rows.map((r) => (
                        <tr key={`${r.period}:${r.segment}`} data-row={`${family}|${r.segment}|${r.period}`}>
                          <td>{formatPeriod(r.period)}</td>
                          <td>{r.segment}</td>
                          {GAP_MEASURES.map((m) => (
                            <td className="align-right num" key={m.key}>
                              {cell(m, r[m.key] as number)}
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
      ) : null}
    </Panel>
  );
}

function AllocationPanel({
  asPlanned,
  byRule,
  rule,
  onRule,
  currency,
}: {
  asPlanned: readonly SegmentService[];
  byRule: readonly SegmentService[];
  rule: AllocationRule;
  onRule: (rule: AllocationRule) => void;
  currency: CompanyCurrency;
}) {
  const ratio = (v: number | null) => (v === null ? "—" : formatPercentFigure(100 * v));
  const segments = [...new Set([...asPlanned, ...byRule].map((s) => s.segment))];
  const rows: { label: string; value: (s: SegmentService) => string }[] = [
    { label: "Fill rate %", value: (s) => ratio(s.fillRate) },
    { label: "OTIF %", value: (s) => ratio(s.otif) },
    { label: `Revenue (${currency.code})`, value: (s) => formatMoneyRounded(s.revenue, currency) },
    { label: `Lost revenue (${currency.code})`, value: (s) => formatMoneyRounded(s.lostRevenue, currency) },
  ];
  return (
    <Panel
      title="Allocation when supply is short"
      subtitle="Each segment's service as planned and under the chosen rule, for the same units served"
      testId="alignment-allocation"
      actions={
        <select
          className="input input-small"
          value={rule}
          onChange={(event) => onRule(event.target.value as AllocationRule)}
          data-testid="allocation-rule"
        >
          {(Object.keys(RULE_LABELS) as AllocationRule[]).map((r) => (
            <option key={r} value={r}>
              {RULE_LABELS[r]}
            </option>
          ))}
        </select>
      }
    >
      <div className="grid-scroll">
        <table className="grid grid-plain" aria-label="Allocation by segment">
          <thead>
            <tr>
              <th scope="col">Segment</th>
              {rows.map((r) => (
                <Fragment key={r.label}>
                  <th scope="col" className="align-right">
                    {r.label} as planned
                  </th>
                  <th scope="col" className="align-right">
                    {r.label} {RULE_LABELS[rule].toLowerCase()}
                  </th>
                </Fragment>
              ))}
            </tr>
          </thead>
          <tbody>
            {segments.map((code) => {
              const planned = asPlanned.find((s) => s.segment === code);
              const ruled = byRule.find((s) => s.segment === code);
              return (
                <tr key={code} data-segment={code}>
                  <th scope="row">{code}</th>
                  {rows.map((r) => (
                    <Fragment key={r.label}>
                      <td className="align-right num">{planned ? r.value(planned) : "—"}</td>
                      <td className="align-right num" data-rule={rule}>
                        {ruled ? r.value(ruled) : "—"}
                      </td>
                    </Fragment>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
