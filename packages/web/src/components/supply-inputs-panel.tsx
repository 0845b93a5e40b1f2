// What the supply planner puts into the next run: firm the near-term plan (its production becomes
// commitments, and those months are frozen), change a resource's hours for a month (an extra shift,
// a stop, more or less overtime), withdraw either — and see what is in force and every change.

import { useEffect, useState } from "react";
import { type SupplyInputEdit, useSupplyInputActions, useSupplyInputs } from "../api/supply-inputs";
import type { SupplyRun, SupplyRunSummary } from "../api/types";
import { formatPeriod } from "../format/dates";
import { formatCount } from "../format/numbers";
import { Panel } from "./panel";
import { ErrorMessage, Loading } from "./query-state";
import { SupplyInputLog } from "./supply-input-log";

/** A heat-map cell the planner picked to edit. */
export interface CapacityTarget {
  readonly resource: string;
  readonly period: string;
}

const SHOWN = 100;

export function SupplyInputsPanel({
  run,
  summary,
  editable,
  target,
}: {
  run: SupplyRun;
  summary: SupplyRunSummary;
  editable: boolean;
  target: CapacityTarget | null;
}) {
  const inputs = useSupplyInputs();
  const actions = useSupplyInputActions();
  const busy = actions.edit.isPending || actions.firm.isPending || actions.revert.isPending;
  const failure = actions.edit.error ?? actions.firm.error ?? actions.revert.error;
  if (inputs.isPending) return <Loading label="Loading the supply inputs…" />;
  if (inputs.isError) return <ErrorMessage error={inputs.error} />;
  const { inForce, changes } = inputs.data;
  const used = summary.inputs;
  const stale = run.finishedAt !== null && changes.some((c) => c.changedAt > run.finishedAt!);
  const withdraw = (edits: SupplyInputEdit[]) => actions.edit.mutate({ edits, reason: "withdrawn" });
  return (
    <Panel
      title="Commitments and capacity"
      subtitle={`In force for the next run: ${inForce.frozenPeriods} frozen month${inForce.frozenPeriods === 1 ? "" : "s"}, ${formatCount(inForce.firmProduction.length)} firm commitments, ${formatCount(inForce.capacity.length)} capacity edits${
        used
          ? ` · this plan used ${used.frozenPeriods} frozen, ${formatCount(used.firmCommitments)} commitments, ${formatCount(used.capacityEdits)} edits`
          : ""
      }`}
      testId="supply-inputs"
    >
      {stale ? (
        <div className="alert alert-warning" role="note" data-testid="supply-inputs-stale">
          <strong>Changed since this plan was made</strong>
          <span>Run the supply plan again to plan with the inputs in force.</span>
        </div>
      ) : null}
      {failure ? <ErrorMessage error={failure} title="The change was not saved" /> : null}
      {editable ? (
        <div className="supply-input-forms">
          <FirmForm
            run={run}
            months={Math.min(summary.periods.length, 12)}
            busy={busy}
            onFirm={(periods, reason) => actions.firm.mutate({ runId: run.id, periods, reason })}
          />
          <CapacityForm
            summary={summary}
            target={target}
            busy={busy}
            onSave={(edits, reason, comment) => actions.edit.mutate({ edits, reason, comment })}
          />
        </div>
      ) : null}
      <div className="supply-columns">
        <div>
          <h3 className="panel-subhead">Firm commitments</h3>
          {inForce.firmProduction.length === 0 ? (
            <p className="muted">None: the optimiser plans every month freely.</p>
          ) : (
            <table className="grid grid-plain" aria-label="Firm commitments" data-testid="firm-commitments">
              <thead>
                <tr>
                  <th scope="col">SKU</th>
                  <th scope="col">Plant</th>
                  <th scope="col">Month</th>
                  <th scope="col" className="align-right">
                    Units
                  </th>
                  {editable ? <th scope="col" aria-label="Withdraw" /> : null}
                </tr>
              </thead>
              <tbody>
                {inForce.firmProduction.slice(0, SHOWN).map((c) => (
                  <tr key={`${c.sku}@${c.plant}/${c.period}`}>
                    <td className="code">{c.sku}</td>
                    <td>{c.plant}</td>
                    <td>{formatPeriod(c.period)}</td>
                    <td className="align-right num">{formatCount(c.quantity)}</td>
                    {editable ? (
                      <WithdrawButton
                        busy={busy}
                        onClick={() => withdraw([{ kind: "firm_production", ...c, quantity: null }])}
                      />
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {inForce.firmProduction.length > SHOWN ? (
            <p className="muted">and {formatCount(inForce.firmProduction.length - SHOWN)} more</p>
          ) : null}
        </div>
        <div>
          <h3 className="panel-subhead">Capacity edits</h3>
          {inForce.capacity.length === 0 ? (
            <p className="muted">None: every resource works its calendar.</p>
          ) : (
            <table className="grid grid-plain" aria-label="Capacity edits" data-testid="capacity-edits">
              <thead>
                <tr>
                  <th scope="col">Resource</th>
                  <th scope="col">Month</th>
                  <th scope="col" className="align-right">
                    Regular h
                  </th>
                  <th scope="col" className="align-right">
                    Overtime limit h
                  </th>
                  {editable ? <th scope="col" aria-label="Withdraw" /> : null}
                </tr>
              </thead>
              <tbody>
                {inForce.capacity.map((e) => (
                  <tr key={`${e.resource}/${e.period}`}>
                    <td className="code">{e.resource}</td>
                    <td>{formatPeriod(e.period)}</td>
                    <td className="align-right num">
                      {e.regularHours === null ? "calendar" : formatCount(e.regularHours)}
                    </td>
                    <td className="align-right num">
                      {e.overtimeHours === null ? "calendar" : formatCount(e.overtimeHours)}
                    </td>
                    {editable ? (
                      <WithdrawButton
                        busy={busy}
                        onClick={() =>
                          withdraw(
                            (["regular_hours", "overtime_hours"] as const).map((kind) => ({
                              kind,
                              resource: e.resource,
                              period: e.period,
                              hours: null,
                            })),
                          )
                        }
                      />
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
      <h3 className="panel-subhead">Changes</h3>
      <SupplyInputLog
        changes={changes.slice(0, 30)}
        busy={busy}
        onRevert={editable ? (id) => actions.revert.mutate(id) : undefined}
      />
    </Panel>
  );
}

function FirmForm({
  run,
  months,
  busy,
  onFirm,
}: {
  run: SupplyRun;
  months: number;
  busy: boolean;
  onFirm: (periods: number, reason: string) => void;
}) {
  const [periods, setPeriods] = useState(Math.min(2, months));
  const [reason, setReason] = useState("firm the near-term plan");
  return (
    <form
      className="supply-input-form"
      aria-label="Firm this plan"
      onSubmit={(event) => {
        event.preventDefault();
        onFirm(periods, reason);
      }}
    >
      <strong>Firm plan #{run.id}</strong>
      <label className="field">
        <span className="field-label">Months</span>
        <select
          className="input input-small"
          value={periods}
          onChange={(event) => setPeriods(Number(event.target.value))}
          data-testid="firm-months"
        >
          {Array.from({ length: months }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <Field label="Reason" value={reason} onChange={setReason} />
      <button
        type="submit"
        className="button button-primary"
        disabled={busy || !reason.trim()}
        data-testid="firm-plan"
      >
        Firm the first {periods} month{periods === 1 ? "" : "s"}
      </button>
      <p className="muted">Its production there becomes firm and those months are frozen for the next run.</p>
    </form>
  );
}

function CapacityForm({
  summary,
  target,
  busy,
  onSave,
}: {
  summary: SupplyRunSummary;
  target: CapacityTarget | null;
  busy: boolean;
  onSave: (edits: SupplyInputEdit[], reason: string, comment: string) => void;
}) {
  const [resource, setResource] = useState(summary.capacity[0]?.resource ?? "");
  const [period, setPeriod] = useState(summary.periods[0] ?? "");
  const [regular, setRegular] = useState("");
  const [overtime, setOvertime] = useState("");
  const [reason, setReason] = useState("");
  const [comment, setComment] = useState("");
  useEffect(() => {
    if (!target) return;
    setResource(target.resource);
    setPeriod(target.period);
  }, [target]);
  const load = summary.capacity.find((c) => c.resource === resource);
  const t = summary.periods.indexOf(period);
  const edits: SupplyInputEdit[] = [];
  if (regular.trim() !== "") edits.push({ kind: "regular_hours", resource, period, hours: Number(regular) });
  if (overtime.trim() !== "")
    edits.push({ kind: "overtime_hours", resource, period, hours: Number(overtime) });
  return (
    <form
      className="supply-input-form"
      aria-label="Edit capacity"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(edits, reason, comment);
        setRegular("");
        setOvertime("");
      }}
    >
      <strong>Edit capacity</strong>
      <label className="field">
        <span className="field-label">Resource</span>
        <select
          className="input input-small"
          value={resource}
          onChange={(event) => setResource(event.target.value)}
          data-testid="capacity-resource"
        >
          {summary.capacity.map((c) => (
            <option key={c.resource} value={c.resource}>
              {c.resource}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Month</span>
        <select
          className="input input-small"
          value={period}
          onChange={(event) => setPeriod(event.target.value)}
          data-testid="capacity-month"
        >
          {summary.periods.map((p) => (
            <option key={p} value={p}>
              {formatPeriod(p)}
            </option>
          ))}
        </select>
      </label>
      <Field
        label="Regular hours"
        value={regular}
        onChange={setRegular}
        numeric
        placeholder={load && t >= 0 ? formatCount(load.regularHours[t] ?? 0) : ""}
        testId="capacity-regular"
      />
      <Field
        label="Overtime limit"
        value={overtime}
        onChange={setOvertime}
        numeric
        placeholder={load && t >= 0 ? formatCount(load.overtimeLimit[t] ?? 0) : ""}
        testId="capacity-overtime"
      />
      <Field
        label="Reason"
        value={reason}
        onChange={setReason}
        placeholder="extra shift"
        testId="capacity-reason"
      />
      <Field label="Comment" value={comment} onChange={setComment} />
      <button
        type="submit"
        className="button button-primary"
        disabled={busy || edits.length === 0 || !reason.trim()}
        data-testid="capacity-save"
      >
        Save
      </button>
      <p className="muted">
        The placeholders show the hours this plan had; leave a field empty to keep them.
      </p>
    </form>
  );
}

/** A labelled small input; numeric ones take hours, text ones reasons and comments. */
function Field(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  numeric?: boolean;
  placeholder?: string;
  testId?: string;
}) {
  return (
    <label className="field">
      <span className="field-label">{props.label}</span>
      <input
        className="input input-small"
        type={props.numeric ? "number" : "text"}
        min={props.numeric ? 0 : undefined}
        value={props.value}
        placeholder={props.placeholder}
        onChange={(event) => props.onChange(event.target.value)}
        data-testid={props.testId}
      />
    </label>
  );
}

function WithdrawButton({ busy, onClick }: { busy: boolean; onClick: () => void }) {
  return (
    <td>
      <button type="button" className="button button-small button-quiet" disabled={busy} onClick={onClick}>
        Withdraw
      </button>
    </td>
  );
}
