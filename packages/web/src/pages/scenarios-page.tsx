// Scenarios for the alignment meeting: the base plan and every what-if branched from it with its
// change count, latest re-plan and whether it is out of date; a new scenario branched from the base
// or another scenario; one scenario's changes (inherited ones marked, withdrawn ones struck through)
// with the typed "Add change" form and "Re-plan"; and the comparison of the plans side by side.

import { canShapeScenarios } from "@fulcrum/domain";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useMe, useSupplyRuns, useWorkspace } from "../api/queries";
import {
  type PlanRef,
  type Scenario,
  type ScenarioDetail,
  useScenario,
  useScenarioActions,
  useScenarios,
} from "../api/scenarios";
import type { CompanyCurrency } from "../api/types";
import { PageHeader } from "../components/page-header";
import { Panel } from "../components/panel";
import { PlanComparison, type PlanOption } from "../components/plan-comparison";
import { ErrorMessage, Loading } from "../components/query-state";
import { ScenarioChangeForm } from "../components/scenario-change-form";
import { PHASE_TEXT, ScenarioReplanControl } from "../components/scenario-replan-control";
import { Tag } from "../components/tag";
import { formatTimestamp } from "../format/dates";

const EUR: CompanyCurrency = { code: "EUR", minorDigits: 2 };

/**
 * Whether a plan can be compared or committed: a scenario once a re-plan finished, the base once
 * the supply review planned it for the current cycle.
 */
export function usePlanned(): (s: Scenario) => boolean {
  const runs = useSupplyRuns();
  const cycle = useWorkspace().data?.cycle.period;
  const planned = new Set(
    (runs.data ?? [])
      .filter((r) => r.status === "finished" && r.firstPeriod === cycle)
      .map((r) => r.scenarioId),
  );
  return (s) => (s.isBase ? planned.has(s.id) : s.latestRun?.status === "finished");
}

export function scenarioOptions(
  scenarios: readonly Scenario[],
  planned: (s: Scenario) => boolean,
): PlanOption[] {
  return scenarios.map((s) => ({
    ref: `scenario:${s.id}` as PlanRef,
    label: s.isBase ? `${s.name} (base)` : s.name,
    disabled: !planned(s),
  }));
}

export function ScenariosPage() {
  const me = useMe();
  const workspace = useWorkspace();
  const scenarios = useScenarios();
  const planned = usePlanned();
  const [params, setParams] = useSearchParams();
  const [jobs, setJobs] = useState<Record<number, string | null>>({});
  const selectedId = Number(params.get("scenario")) || null;
  const editable = !!me.data && canShapeScenarios(me.data.role);
  const currency = workspace.data?.company.currency ?? EUR;
  const list = scenarios.data ?? [];
  return (
    <div className="page" data-testid="scenarios-page">
      <PageHeader
        eyebrow={<Link to="/alignment">Alignment</Link>}
        title="Scenarios"
        description="What-if plans branched from the base plan: each stores only its changes, re-plans through demand, supply and finance, and compares side by side."
      />
      {scenarios.isPending ? <Loading label="Loading scenarios…" /> : null}
      {scenarios.isError ? <ErrorMessage error={scenarios.error} /> : null}
      {scenarios.data ? (
        <div className="columns scenario-columns">
          <ScenarioList
            scenarios={list}
            planned={planned}
            selectedId={selectedId}
            onSelect={(id) => setParams({ scenario: String(id) })}
            editable={editable}
          />
          {selectedId !== null ? (
            <ScenarioPanel
              id={selectedId}
              editable={editable}
              jobId={jobs[selectedId] ?? null}
              onJob={(job) => setJobs({ ...jobs, [selectedId]: job })}
              onDeleted={() => setParams({})}
            />
          ) : (
            <p className="muted">Choose a scenario to see its changes.</p>
          )}
        </div>
      ) : null}
      {scenarios.data ? (
        <PlanComparison
          options={scenarioOptions(list, planned)}
          initial={list
            .filter(planned)
            .map((s) => `scenario:${s.id}` as PlanRef)
            .slice(0, 2)}
          currency={currency}
        />
      ) : null}
    </div>
  );
}

function runStatus(s: Scenario, planned: boolean) {
  const run = s.latestRun;
  if (s.isBase)
    return (
      <span className="muted">
        {planned ? "Planned by the supply review" : "Not planned yet: run the supply review"}
      </span>
    );
  if (!run) return <span className="muted">Not planned yet</span>;
  if (run.status === "running")
    return <Tag tone="current">{`${PHASE_TEXT[run.phase]} ${Math.round(run.progress)} %`}</Tag>;
  if (run.status === "failed") return <Tag tone="danger">Failed</Tag>;
  return <span>Planned {formatTimestamp(run.finishedAt ?? run.startedAt)}</span>;
}

function ScenarioList({
  scenarios,
  planned,
  selectedId,
  onSelect,
  editable,
}: {
  scenarios: readonly Scenario[];
  planned: (s: Scenario) => boolean;
  selectedId: number | null;
  onSelect: (id: number) => void;
  editable: boolean;
}) {
  return (
    <Panel title="Plans" subtitle="The base plan and its scenarios" testId="scenario-list">
      <table className="grid grid-plain" aria-label="Scenarios">
        <thead>
          <tr>
            <th scope="col">Scenario</th>
            <th scope="col" className="align-right">
              Changes
            </th>
            <th scope="col">Latest plan</th>
          </tr>
        </thead>
        <tbody>
          {scenarios.map((s) => (
            <tr key={s.id} data-scenario={s.name} aria-selected={s.id === selectedId}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelect(s.id)}>
                  {s.name}
                </button>
                {s.isBase ? <Tag tone="info">Base</Tag> : null}
                {s.stale ? <Tag tone="warning">Stale</Tag> : null}
              </th>
              <td className="align-right num">{s.changeCount}</td>
              <td>{runStatus(s, planned(s))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {editable ? <NewScenarioForm scenarios={scenarios} onCreated={onSelect} /> : null}
    </Panel>
  );
}

function NewScenarioForm({
  scenarios,
  onCreated,
}: {
  scenarios: readonly Scenario[];
  onCreated: (id: number) => void;
}) {
  const { create } = useScenarioActions();
  const base = scenarios.find((s) => s.isBase);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [parent, setParent] = useState("");
  return (
    <form
      className="scenario-new"
      data-testid="scenario-new"
      onSubmit={(event) => {
        event.preventDefault();
        const parentId = Number(parent) || undefined;
        create.mutate(
          {
            name: name.trim(),
            ...(description.trim() ? { description: description.trim() } : {}),
            ...(parentId && parentId !== base?.id ? { parentId } : {}),
          },
          {
            onSuccess: (s) => {
              setName("");
              setDescription("");
              onCreated(s.id);
            },
          },
        );
      }}
    >
      <label className="field">
        <span className="field-label">New scenario</span>
        <input
          className="input input-small"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="Name"
          data-testid="scenario-name"
        />
      </label>
      <label className="field">
        <span className="field-label">Description</span>
        <input
          className="input input-small"
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          data-testid="scenario-description"
        />
      </label>
      <label className="field">
        <span className="field-label">Branch from</span>
        <select
          className="input input-small"
          value={parent}
          onChange={(event) => setParent(event.target.value)}
          data-testid="scenario-parent"
        >
          {scenarios.map((s) => (
            <option key={s.id} value={s.isBase ? "" : s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="button button-small"
        disabled={create.isPending || name.trim() === ""}
        data-testid="scenario-create"
      >
        Create
      </button>
      {create.isError ? <ErrorMessage error={create.error} title="The scenario was not created" /> : null}
    </form>
  );
}

function ScenarioPanel({
  id,
  editable,
  jobId,
  onJob,
  onDeleted,
}: {
  id: number;
  editable: boolean;
  jobId: string | null;
  onJob: (jobId: string | null) => void;
  onDeleted: () => void;
}) {
  const scenario = useScenario(id);
  const { remove } = useScenarioActions();
  if (scenario.isPending) return <Loading />;
  if (scenario.isError) return <ErrorMessage error={scenario.error} />;
  const s = scenario.data;
  const shaping = editable && !s.isBase;
  return (
    <Panel
      title={s.name}
      subtitle={s.description || (s.isBase ? "The plan the demand and supply reviews made" : undefined)}
      testId="scenario-detail"
      actions={
        shaping ? (
          <>
            <ScenarioReplanControl scenarioId={s.id} jobId={jobId} onJob={onJob} />
            <button
              type="button"
              className="button button-quiet button-small"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(`Delete scenario “${s.name}”? The base plan is not touched.`))
                  remove.mutate(s.id, { onSuccess: onDeleted });
              }}
              data-testid="scenario-delete"
            >
              Delete
            </button>
          </>
        ) : null
      }
    >
      {remove.isError ? <ErrorMessage error={remove.error} title="The scenario was not deleted" /> : null}
      <ChangeList scenario={s} editable={shaping} />
      {shaping ? <ScenarioChangeForm scenarioId={s.id} /> : null}
    </Panel>
  );
}

function ChangeList({ scenario, editable }: { scenario: ScenarioDetail; editable: boolean }) {
  const { withdraw } = useScenarioActions();
  if (scenario.changes.length === 0)
    return <p className="muted">{scenario.isBase ? "The base plan has no changes." : "No changes yet."}</p>;
  return (
    <>
      {withdraw.isError ? <ErrorMessage error={withdraw.error} title="The change was not withdrawn" /> : null}
      <ul className="change-list" data-testid="scenario-changes">
        {scenario.changes.map((c) => (
          <li
            key={`${c.scenarioId}:${c.id}`}
            data-change={c.id}
            data-inherited={c.inherited || undefined}
            className={c.withdrawnAt ? "change change-withdrawn" : "change"}
          >
            <div className="change-summary">
              {c.summary}
              {c.inherited ? <Tag tone="neutral">Inherited</Tag> : null}
              {c.withdrawnAt ? <Tag tone="neutral">Withdrawn</Tag> : null}
            </div>
            <div className="change-meta muted">
              {c.reason}
              {c.comment ? ` — ${c.comment}` : ""} · {c.createdBy} · {formatTimestamp(c.createdAt)}
              {c.withdrawnAt ? ` · withdrawn by ${c.withdrawnBy} ${formatTimestamp(c.withdrawnAt)}` : ""}
            </div>
            {editable && !c.inherited && !c.withdrawnAt ? (
              <button
                type="button"
                className="link-button"
                disabled={withdraw.isPending}
                onClick={() => withdraw.mutate({ id: scenario.id, changeId: c.id })}
                data-testid="change-withdraw"
              >
                Withdraw
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
