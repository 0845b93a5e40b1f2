// The executive S&OP meeting: where the cycle stands, the plans side by side (the base, its
// scenarios and the last committed plan, each with the budget), the open decisions, and the
// decision itself — the executive picks a plan, says why and confirms, and the cycle's committed
// plan then shows with its executive pack to download or print.

import { useState } from "react";
import { Link } from "react-router";
import { useMe, useWorkspace } from "../api/queries";
import {
  type CommittedPlan,
  type PlanRef,
  packXlsxUrl,
  type Scenario,
  useCommit,
  useCommitments,
  useScenarios,
} from "../api/scenarios";
import type { CompanyCurrency } from "../api/types";
import { CycleStageStrip } from "../components/cycle-stage-strip";
import { DecisionLogPanel } from "../components/decision-log-panel";
import { PageHeader } from "../components/page-header";
import { Panel } from "../components/panel";
import { PlanComparison, type PlanOption } from "../components/plan-comparison";
import { ErrorMessage, Loading } from "../components/query-state";
import { formatPeriodLong, formatTimestamp } from "../format/dates";
import { scenarioOptions, usePlanned } from "./scenarios-page";

const EUR: CompanyCurrency = { code: "EUR", minorDigits: 2 };

/** What the executive meeting weighs: revenue, margin, cash, service and inventory. */
const KEY_FIGURES = [
  "revenue",
  "grossMargin",
  "grossMarginPercent",
  "operatingCashFlow",
  "closingCash",
  "otif",
  "fillRate",
  "lostRevenue",
  "inventoryValue",
  "daysOfCover",
] as const;

export function ExecutivePage() {
  const me = useMe();
  const workspace = useWorkspace();
  const scenarios = useScenarios();
  const commitments = useCommitments();
  const planned = usePlanned();
  const currency = workspace.data?.company.currency ?? EUR;
  const cycle = workspace.data?.cycle.period ?? null;
  const list = scenarios.data ?? [];
  const committedNow = (commitments.data ?? []).find((c) => c.cyclePeriod === cycle) ?? null;
  // The newest commitment of an earlier cycle is what this cycle's plans are measured against.
  const lastCommitted = (commitments.data ?? []).find((c) => c.cyclePeriod !== cycle) ?? null;
  const options: PlanOption[] = [
    ...scenarioOptions(list, planned),
    ...(commitments.data ?? []).map((c) => ({
      ref: `committed:${c.id}` as PlanRef,
      label: `Committed ${formatPeriodLong(c.cyclePeriod)} (${c.scenarioName})`,
    })),
  ];
  // The last committed plan comes first, so every difference reads "against what we committed".
  const initial: PlanRef[] = [
    ...(lastCommitted ? [`committed:${lastCommitted.id}` as PlanRef] : []),
    ...list
      .filter(planned)
      .slice(0, lastCommitted ? 4 : 5)
      .map((s) => `scenario:${s.id}` as PlanRef),
  ];
  return (
    <div className="page" data-testid="executive-page">
      <PageHeader
        eyebrow="S&OP stage"
        title="Executive S&OP"
        description="Compare the aligned plan's scenarios against the last committed plan and the budget, settle the open decisions, and commit one plan for the cycle."
      />
      <Panel title={cycle ? `The ${formatPeriodLong(cycle)} cycle` : "The cycle"}>
        <CycleStageStrip compact />
      </Panel>
      {scenarios.isPending || commitments.isPending ? <Loading label="Loading the plans…" /> : null}
      {scenarios.isError ? <ErrorMessage error={scenarios.error} /> : null}
      {commitments.isError ? <ErrorMessage error={commitments.error} /> : null}
      {scenarios.data && commitments.data ? (
        <>
          {committedNow ? (
            <CommittedPanel plan={committedNow} />
          ) : (
            <CommitPanel scenarios={list.filter(planned)} mayCommit={me.data?.role === "executive"} />
          )}
          <PlanComparison
            options={options}
            initial={initial}
            currency={currency}
            keyFigures={KEY_FIGURES}
            testId="executive-comparison"
          />
        </>
      ) : null}
      <DecisionLogPanel />
      <p className="muted">
        Scenarios are made and re-planned on the <Link to="/alignment/scenarios">scenarios page</Link>.
      </p>
    </div>
  );
}

/** `scenarios`: the plans that were planned; the stale ones are left out, as the server refuses them. */
function CommitPanel({ scenarios, mayCommit }: { scenarios: readonly Scenario[]; mayCommit: boolean }) {
  const commit = useCommit();
  const ready = scenarios.filter((s) => !s.stale);
  const [chosen, setChosen] = useState<number | null>(null);
  const [rationale, setRationale] = useState("");
  const [confirming, setConfirming] = useState(false);
  const scenarioId = chosen ?? ready[0]?.id ?? null;
  const name = scenarios.find((s) => s.id === scenarioId)?.name ?? "";
  if (!mayCommit)
    return (
      <Panel title="Commit the plan" testId="commit-panel">
        <p className="muted">No plan is committed for this cycle yet; the executive commits one here.</p>
      </Panel>
    );
  return (
    <Panel
      title="Commit the plan"
      subtitle="The chosen plan becomes the cycle's committed plan: frozen demand, supply and financial plan"
      testId="commit-panel"
    >
      <form
        className="commit-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (scenarioId === null) return;
          if (!confirming) {
            setConfirming(true);
            return;
          }
          commit.mutate(
            { scenarioId, rationale: rationale.trim() },
            { onSettled: () => setConfirming(false) },
          );
        }}
      >
        <label className="field">
          <span className="field-label">Plan</span>
          <select
            className="input input-small"
            value={scenarioId ?? ""}
            onChange={(event) => {
              setChosen(Number(event.target.value));
              setConfirming(false);
            }}
            data-testid="commit-plan"
          >
            {ready.map((s) => (
              <option key={s.id} value={s.id}>
                {s.isBase ? `${s.name} (base)` : s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field commit-rationale">
          <span className="field-label">Rationale</span>
          <textarea
            className="input"
            rows={3}
            value={rationale}
            onChange={(event) => {
              setRationale(event.target.value);
              setConfirming(false);
            }}
            data-testid="commit-rationale"
          />
        </label>
        {ready.length === 0 ? (
          <p className="muted">No plan can be committed yet: re-plan the scenarios that changed.</p>
        ) : null}
        {confirming ? (
          <div className="alert alert-warning" role="alert" data-testid="commit-confirm-note">
            <strong>Commit “{name}” for the cycle?</strong>
            <span>Nothing committed can be edited afterwards, and the cycle closes.</span>
          </div>
        ) : null}
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={scenarioId === null || rationale.trim() === "" || commit.isPending}
            data-testid={confirming ? "commit-confirm" : "commit-submit"}
          >
            {commit.isPending ? "Committing…" : confirming ? "Confirm commit" : "Commit plan"}
          </button>
          {confirming ? (
            <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          ) : null}
        </div>
        {commit.isError ? <ErrorMessage error={commit.error} title="The plan was not committed" /> : null}
      </form>
    </Panel>
  );
}

function CommittedPanel({ plan }: { plan: CommittedPlan }) {
  return (
    <Panel
      title={`Committed plan: ${plan.scenarioName}`}
      subtitle={`Committed by ${plan.committedBy} on ${formatTimestamp(plan.committedAt)}`}
      testId="committed-plan"
      actions={
        <>
          <a className="button button-small" href={packXlsxUrl(plan.id)} download data-testid="pack-xlsx">
            Download executive pack (Excel)
          </a>
          <Link className="button button-small" to={`/executive/pack/${plan.id}`} data-testid="pack-print">
            Printable pack
          </Link>
        </>
      }
    >
      <blockquote className="commit-rationale-text" data-testid="committed-rationale">
        {plan.rationale}
      </blockquote>
    </Panel>
  );
}
