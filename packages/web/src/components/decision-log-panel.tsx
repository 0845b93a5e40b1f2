// The executive decision log of the current cycle: each decision with its rationale, owner, due
// date (overdue ones picked out against the workspace's as-of date), status and linked scenario;
// adding one, changing its status or due date, and its history of who changed what. Self-contained
// (it reads the API itself) so it can sit on any executive screen.

import { canRecordDecisions } from "@fulcrum/domain";
import { Fragment, useState } from "react";
import {
  type Decision,
  type DecisionChange,
  type DecisionStatus,
  useCreateDecision,
  useDecisionHistory,
  useDecisions,
  useUpdateDecision,
} from "../api/cycle";
import { useMe } from "../api/queries";
import { formatDate, formatPeriodLong, formatTimestamp } from "../format/dates";
import { Panel } from "./panel";
import { ErrorMessage, Loading } from "./query-state";
import { Tag, type TagTone } from "./tag";

const STATUS: Record<DecisionStatus, { label: string; tone: TagTone }> = {
  open: { label: "Open", tone: "current" },
  done: { label: "Done", tone: "success" },
  dropped: { label: "Dropped", tone: "neutral" },
};

const FIELD_LABEL: Record<DecisionChange["field"], string> = {
  title: "Decision",
  rationale: "Rationale",
  owner: "Owner",
  due_date: "Due date",
  status: "Status",
  scenario: "Scenario",
};

export function DecisionLogPanel() {
  const log = useDecisions();
  const me = useMe();
  const update = useUpdateDecision();
  const [historyOf, setHistoryOf] = useState<number | null>(null);
  const editable = !!me.data && canRecordDecisions(me.data.role);
  const decisions = log.data?.decisions ?? [];
  const open = decisions.filter((d) => d.status === "open").length;
  const overdue = decisions.filter((d) => d.overdue).length;
  return (
    <Panel
      title="Decision log"
      subtitle={
        log.data
          ? `${formatPeriodLong(log.data.period)} cycle · ${open} open, ${overdue} overdue on ${formatDate(log.data.asOf)}`
          : "What the executive meeting decided, who follows it up and by when"
      }
      testId="decision-log"
    >
      {editable && me.data ? <NewDecisionForm defaultOwner={me.data.username} /> : null}
      {log.isPending ? <Loading /> : null}
      {log.isError ? <ErrorMessage error={log.error} /> : null}
      {update.isError ? <ErrorMessage error={update.error} title="The decision was not changed" /> : null}
      {log.data && decisions.length === 0 ? <p className="muted">No decisions in this cycle yet.</p> : null}
      {decisions.length > 0 ? (
        <table className="grid grid-plain" aria-label="Decisions">
          <thead>
            <tr>
              <th scope="col">Decision</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
              <th scope="col">Scenario</th>
              <th scope="col">
                <span className="visually-hidden">History</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((d) => (
              <Fragment key={d.id}>
                <tr
                  id={`decision-${d.id}`}
                  data-decision={d.id}
                  data-overdue={d.overdue || undefined}
                  className={d.overdue ? "decision-overdue" : undefined}
                >
                  <th scope="row">
                    {d.title}
                    {d.rationale ? <span className="decision-rationale">{d.rationale}</span> : null}
                  </th>
                  <td>{d.owner.displayName}</td>
                  <td>
                    {editable ? (
                      <input
                        type="date"
                        className="input input-small"
                        aria-label={`Due date of ${d.title}`}
                        data-testid="decision-due"
                        value={d.dueDate ?? ""}
                        onChange={(event) => update.mutate({ id: d.id, dueDate: event.target.value || null })}
                      />
                    ) : d.dueDate ? (
                      formatDate(d.dueDate)
                    ) : (
                      "—"
                    )}
                    {d.overdue ? (
                      <>
                        {" "}
                        <Tag tone="danger">Overdue</Tag>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {editable ? (
                      <select
                        className="input input-small"
                        aria-label={`Status of ${d.title}`}
                        data-testid="decision-status"
                        value={d.status}
                        onChange={(event) =>
                          update.mutate({ id: d.id, status: event.target.value as DecisionStatus })
                        }
                      >
                        {(Object.keys(STATUS) as DecisionStatus[]).map((s) => (
                          <option key={s} value={s}>
                            {STATUS[s].label}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <Tag tone={STATUS[d.status].tone}>{STATUS[d.status].label}</Tag>
                    )}
                  </td>
                  <td>{d.scenario ? d.scenario.name : "—"}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-small button-quiet"
                      aria-expanded={historyOf === d.id}
                      data-testid="decision-history-toggle"
                      onClick={() => setHistoryOf(historyOf === d.id ? null : d.id)}
                    >
                      History
                    </button>
                  </td>
                </tr>
                {historyOf === d.id ? (
                  <tr>
                    <td colSpan={6}>
                      <DecisionHistory decision={d} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      ) : null}
    </Panel>
  );
}

function NewDecisionForm({ defaultOwner }: { defaultOwner: string }) {
  const create = useCreateDecision();
  const [title, setTitle] = useState("");
  const [rationale, setRationale] = useState("");
  const [owner, setOwner] = useState(defaultOwner);
  const [dueDate, setDueDate] = useState("");
  return (
    <>
      <form
        className="decision-form"
        data-testid="decision-form"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(
            { title, owner, ...(rationale.trim() ? { rationale } : {}), ...(dueDate ? { dueDate } : {}) },
            {
              onSuccess: () => {
                setTitle("");
                setRationale("");
                setDueDate("");
              },
            },
          );
        }}
      >
        <label className="field decision-title-field">
          <span className="field-label">Decision</span>
          <input
            className="input"
            data-testid="decision-title"
            maxLength={300}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <label className="field decision-rationale-field">
          <span className="field-label">Rationale</span>
          <input
            className="input"
            data-testid="decision-rationale"
            maxLength={4000}
            value={rationale}
            onChange={(e) => setRationale(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">Owner (username)</span>
          <input
            className="input"
            data-testid="decision-owner"
            value={owner}
            onChange={(e) => setOwner(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">Due date</span>
          <input
            type="date"
            className="input"
            data-testid="decision-new-due"
            value={dueDate}
            onChange={(e) => setDueDate(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button button-primary"
          data-testid="decision-add"
          disabled={title.trim() === "" || owner.trim() === "" || create.isPending}
        >
          Add decision
        </button>
      </form>
      {create.isError ? <ErrorMessage error={create.error} title="The decision was not added" /> : null}
    </>
  );
}

function DecisionHistory({ decision }: { decision: Decision }) {
  const history = useDecisionHistory(decision.id);
  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorMessage error={history.error} />;
  return (
    <ol className="decision-history" data-testid="decision-history">
      <li>
        {formatTimestamp(decision.createdAt)} · {decision.createdBy.displayName} recorded it
      </li>
      {history.data.changes.map((c) => (
        <li key={c.id}>
          {formatTimestamp(c.changedAt)} · {c.changedBy.displayName} · {FIELD_LABEL[c.field]}:{" "}
          {shown(c.field, c.oldValue)} → {shown(c.field, c.newValue)}
        </li>
      ))}
    </ol>
  );
}

function shown(field: DecisionChange["field"], value: string | null): string {
  if (value === null || value === "") return "—";
  if (field === "due_date") return formatDate(value);
  if (field === "status") return STATUS[value as DecisionStatus]?.label ?? value;
  return value;
}
