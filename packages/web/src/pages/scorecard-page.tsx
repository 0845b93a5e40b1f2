// The KPI scorecard of the monitoring stage: every KPI grouped by area over a window of closed
// months, coloured against its target, with its definition, its monthly trend and what drives it;
// filters by product group, segment and location, and target setting for the roles that may.

import { addPeriods, canSetKpiTargets, type PeriodKey } from "@fulcrum/domain";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { useMe, useWorkspace } from "../api/queries";
import {
  type KpiArea,
  type Scorecard,
  type ScorecardFilter,
  type ScorecardKpi,
  useScorecard,
  useScorecardDrill,
  useSetKpiTarget,
} from "../api/scorecard";
import type { CompanyCurrency } from "../api/types";
import { formatKpi, KpiValue } from "../components/kpi-value";
import { PageHeader } from "../components/page-header";
import { Panel } from "../components/panel";
import { ErrorMessage, Loading } from "../components/query-state";
import { Sparkline } from "../components/sparkline";
import { TextField } from "../components/text-field";

const EUR: CompanyCurrency = { code: "EUR", minorDigits: 2 };
const AREAS: readonly { area: KpiArea; title: string }[] = [
  { area: "demand", title: "Demand" },
  { area: "supply", title: "Supply" },
  { area: "alignment", title: "Alignment" },
  { area: "executive", title: "Executive" },
];

/** The month `n` months before `period` (YYYY-MM). */
const monthsBefore = (period: string, n: number): string => addPeriods(period as PeriodKey, -n);

export function ScorecardPage() {
  const workspace = useWorkspace();
  const me = useMe();
  const currency = workspace.data?.company.currency ?? EUR;
  const lastClosed = workspace.data ? monthsBefore(workspace.data.company.currentPeriod, 1) : undefined;
  const [form, setForm] = useState({ months: "12", node: "", segment: "", location: "" });
  const [filter, setFilter] = useState<ScorecardFilter>({});
  const [drillKpi, setDrillKpi] = useState<string | null>(null);
  const card = useScorecard(filter);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const months = Number(form.months);
    setFilter({
      ...(lastClosed && months !== 12 ? { from: monthsBefore(lastClosed, months - 1) } : {}),
      node: form.node.trim(),
      segment: form.segment.trim(),
      location: form.location.trim(),
    });
  };
  const field = (name: keyof typeof form, label: string) => (
    <TextField
      label={label}
      small={false}
      value={form[name]}
      onChange={(value) => setForm({ ...form, [name]: value })}
      testId={`scorecard-${name}`}
    />
  );
  const mayEdit = !!me.data && canSetKpiTargets(me.data.role);
  return (
    <div className="page" data-testid="scorecard-page">
      <PageHeader
        eyebrow="Monitor"
        title="KPI scorecard"
        description="Actuals against the committed plan of each past cycle, with each KPI's definition and target."
      />
      <form className="toolbar" onSubmit={apply} data-testid="scorecard-filters">
        <label className="field">
          <span className="field-label">Window</span>
          <select
            className="input"
            value={form.months}
            onChange={(e) => setForm({ ...form, months: e.target.value })}
            data-testid="scorecard-months"
          >
            <option value="12">Last 12 months</option>
            <option value="18">Last 18 months</option>
            <option value="24">Last 24 months</option>
          </select>
        </label>
        {field("node", "Product group")}
        {field("segment", "Segment")}
        {field("location", "Location")}
        <button type="submit" className="button button-small" data-testid="scorecard-apply">
          Apply
        </button>
        {card.data ? (
          <Link className="button button-small" to={`/monitor/report?month=${card.data.to}`}>
            Performance report {card.data.to}
          </Link>
        ) : null}
      </form>
      {card.isPending ? <Loading label="Measuring the scorecard…" /> : null}
      {card.isError ? <ErrorMessage error={card.error} /> : null}
      {card.data ? (
        <>
          <p className="muted" data-testid="scorecard-window">
            {card.data.from} – {card.data.to} · targets for {card.data.scope} ·{" "}
            {card.data.months.filter((m) => m.cyclePeriod !== null).length} of {card.data.months.length}{" "}
            months with a committed plan
          </p>
          {drillKpi ? (
            <DrillPanel
              kpi={drillKpi}
              filter={filter}
              currency={currency}
              onClose={() => setDrillKpi(null)}
            />
          ) : null}
          {AREAS.map(({ area, title }) => (
            <Panel key={area} title={title} testId={`scorecard-${area}`} flush>
              <table className="grid grid-plain scorecard-table" aria-label={`${title} KPIs`}>
                <thead>
                  <tr>
                    <th scope="col">KPI</th>
                    <th scope="col" className="align-right">
                      Value
                    </th>
                    <th scope="col" className="align-right">
                      Target
                    </th>
                    <th scope="col">Trend</th>
                    <th scope="col">Details</th>
                  </tr>
                </thead>
                <tbody>
                  {card.data.kpis
                    .filter((k) => k.area === area)
                    .map((k) => (
                      <KpiRow
                        key={k.code}
                        kpi={k}
                        currency={currency}
                        scope={card.data.scope}
                        mayEdit={mayEdit}
                        onDrill={() => setDrillKpi(k.code)}
                      />
                    ))}
                </tbody>
              </table>
            </Panel>
          ))}
          <AccuracyPanel accuracy={card.data.accuracy} currency={currency} />
        </>
      ) : null}
    </div>
  );
}

/** WAPE, bias and value added of each review step at lags 1 and 3. */
function AccuracyPanel({
  accuracy,
  currency,
}: {
  accuracy: Scorecard["accuracy"];
  currency: CompanyCurrency;
}) {
  const steps = accuracy[0]?.steps.map((s) => s.step) ?? [];
  const cell = (lag: number, step: string, pick: "wape" | "bias" | "valueAdded") => {
    const value = accuracy.find((a) => a.lag === lag)?.steps.find((s) => s.step === step)?.[pick] ?? null;
    return formatKpi(value, "share", currency);
  };
  return (
    <Panel
      title="Forecast accuracy per plan layer"
      subtitle="Each step of the demand review, lags 1 and 3"
      testId="scorecard-accuracy"
      flush
    >
      <table className="grid grid-plain" aria-label="Forecast accuracy per plan layer">
        <thead>
          <tr>
            <th scope="col">Step</th>
            {accuracy.map((a) => (
              <th scope="col" className="align-right" key={`w${a.lag}`}>
                WAPE lag {a.lag}
              </th>
            ))}
            {accuracy.map((a) => (
              <th scope="col" className="align-right" key={`b${a.lag}`}>
                Bias lag {a.lag}
              </th>
            ))}
            <th scope="col" className="align-right">
              Value added lag 1
            </th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step) => (
            <tr key={step} data-step={step}>
              <th scope="row">{step}</th>
              {accuracy.map((a) => (
                <td className="align-right num" key={`w${a.lag}`}>
                  {cell(a.lag, step, "wape")}
                </td>
              ))}
              {accuracy.map((a) => (
                <td className="align-right num" key={`b${a.lag}`}>
                  {cell(a.lag, step, "bias")}
                </td>
              ))}
              <td className="align-right num">{cell(1, step, "valueAdded")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

function KpiRow({
  kpi,
  currency,
  scope,
  mayEdit,
  onDrill,
}: {
  kpi: ScorecardKpi;
  currency: CompanyCurrency;
  scope: string;
  mayEdit: boolean;
  onDrill: () => void;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <tr data-kpi={kpi.code}>
      <th scope="row">
        <button type="button" className="link-button" onClick={onDrill} data-testid={`drill-${kpi.code}`}>
          {kpi.name}
        </button>
        <details className="kpi-definition">
          <summary>Definition</summary>
          <p>{kpi.definition}</p>
          <p className="muted">{kpi.direction === "higher" ? "Higher is better." : "Lower is better."}</p>
        </details>
      </th>
      <td className="align-right">
        <KpiValue
          value={kpi.value}
          unit={kpi.unit}
          status={kpi.status}
          currency={currency}
          testId={`kpi-value-${kpi.code}`}
        />
        {kpi.value === null ? <div className="muted small">{kpi.reason}</div> : null}
        {!kpi.filtered ? <div className="muted small">company figure</div> : null}
      </td>
      <td className="align-right">
        {editing ? (
          <TargetForm kpi={kpi} scope={scope} onDone={() => setEditing(false)} />
        ) : (
          <>
            <span className="num">{formatKpi(kpi.target, kpi.unit, currency)}</span>
            <div className="muted small">{kpi.targetSource}</div>
            {mayEdit ? (
              <button
                type="button"
                className="link-button small"
                onClick={() => setEditing(true)}
                data-testid={`edit-target-${kpi.code}`}
              >
                Set target
              </button>
            ) : null}
          </>
        )}
      </td>
      <td>
        {kpi.trend.length > 0 ? (
          <Sparkline values={kpi.trend.map((t) => t.value)} label={`${kpi.name} month by month`} />
        ) : (
          <span className="muted small">window only</span>
        )}
      </td>
      <td className="small">
        {kpi.details.map((d) => (
          <div key={d.label}>
            {d.label}: <span className="num">{formatKpi(d.value, d.unit, currency)}</span>
          </div>
        ))}
      </td>
    </tr>
  );
}

/** A target in the KPI's unit; shares are typed as percentages. */
function TargetForm({ kpi, scope, onDone }: { kpi: ScorecardKpi; scope: string; onDone: () => void }) {
  const share = kpi.unit === "share";
  const [value, setValue] = useState(String(share ? kpi.target * 100 : kpi.target));
  const [note, setNote] = useState("");
  const save = useSetKpiTarget();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const number = Number(value);
    if (!Number.isFinite(number)) return;
    save.mutate({ kpi: kpi.code, scope, target: share ? number / 100 : number, note }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} className="target-form" data-testid={`target-form-${kpi.code}`}>
      <input
        className="input input-small num"
        aria-label={`Target for ${kpi.name}${share ? " (%)" : ""}`}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        data-testid="target-value"
      />
      <input
        className="input input-small"
        aria-label="Why"
        placeholder="Why"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid="target-note"
      />
      <button
        type="submit"
        className="button button-small"
        disabled={save.isPending}
        data-testid="target-save"
      >
        Save
      </button>
      <button type="button" className="link-button small" onClick={onDone}>
        Cancel
      </button>
      {save.isError ? <ErrorMessage error={save.error} /> : null}
    </form>
  );
}

function DrillPanel({
  kpi,
  filter,
  currency,
  onClose,
}: {
  kpi: string;
  filter: ScorecardFilter;
  currency: CompanyCurrency;
  onClose: () => void;
}) {
  const drill = useScorecardDrill(kpi, filter);
  // The panel sits above the areas: bring it into view from the KPI row clicked further down.
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (kpi) top.current?.scrollIntoView?.({ block: "start", behavior: "smooth" });
  }, [kpi]);
  return (
    <div ref={top}>
      <Panel
        title={drill.data ? `What drives ${drill.data.name}` : "Drill-down"}
        subtitle={drill.data?.basis}
        testId="scorecard-drill"
        actions={
          <button type="button" className="button button-small" onClick={onClose}>
            Close
          </button>
        }
        flush
      >
        {drill.isPending ? <Loading /> : null}
        {drill.isError ? <ErrorMessage error={drill.error} /> : null}
        {drill.data && drill.data.rows.length === 0 ? <p className="muted">Nothing falls short.</p> : null}
        {drill.data && drill.data.rows.length > 0 ? (
          <table className="grid grid-plain" aria-label="Drill-down">
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col" className="align-right">
                  Contribution
                </th>
              </tr>
            </thead>
            <tbody>
              {drill.data.rows.map((r) => (
                <tr key={r.subject} data-subject={r.subject}>
                  <td>
                    <Link to={r.link}>{r.subject}</Link>
                  </td>
                  <td className="align-right num">
                    {formatKpi(r.contribution, drill.data.contributionUnit, currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </Panel>
    </div>
  );
}
