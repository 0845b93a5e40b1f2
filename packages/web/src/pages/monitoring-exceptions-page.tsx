// The exceptions that open the next cycle: the committed plan not met in the last closed months,
// largest value at stake first, each with a link to its data and, for the people who own a
// review, the acknowledgement — what was done, required — with who and when shown for everyone.

import { canAcknowledgeExceptions } from "@fulcrum/domain";
import { Fragment, useState } from "react";
import { Link } from "react-router";
import {
  type AcknowledgementStatus,
  type ExceptionWindow,
  type MonitoringException,
  useAcknowledgeException,
  useExceptionHistory,
  useMonitoringExceptions,
} from "../api/monitoring-exceptions";
import { useMe, useWorkspace } from "../api/queries";
import type { CompanyCurrency } from "../api/types";
import {
  ACKNOWLEDGEMENT_STATUSES,
  EXCEPTION_KIND,
  EXCEPTION_STATUS,
  exceptionMonths,
} from "../components/monitoring-exception-labels";
import { PageHeader } from "../components/page-header";
import { Panel } from "../components/panel";
import { ErrorMessage, Loading } from "../components/query-state";
import { Tag } from "../components/tag";
import { formatPeriod, formatPeriodLong, formatTimestamp } from "../format/dates";
import { formatCount, formatMoneyRounded, formatQuantity } from "../format/numbers";

const WINDOWS = [3, 6, 12] as const;
const RUNS = [2, 3, 4, 6] as const;

export function MonitoringExceptionsPage() {
  const [span, setSpan] = useState<Required<ExceptionWindow>>({ months: 6, biasPeriods: 3 });
  const [openOnly, setOpenOnly] = useState(false);
  const [kind, setKind] = useState<MonitoringException["kind"] | "all">("all");
  const list = useMonitoringExceptions(span);
  const workspace = useWorkspace();
  const me = useMe();
  const currency = workspace.data?.company.currency ?? { code: "EUR", minorDigits: 2 };
  const mayAcknowledge = !!me.data && canAcknowledgeExceptions(me.data.role);
  const all = list.data?.exceptions ?? [];
  const kinds = (Object.keys(EXCEPTION_KIND) as MonitoringException["kind"][])
    .map((k) => ({ kind: k, count: all.filter((e) => e.kind === k).length }))
    .filter((k) => k.count > 0);
  const shown = all.filter((e) => (!openOnly || e.status === "open") && (kind === "all" || e.kind === kind));
  return (
    <div className="page" data-testid="monitoring-exceptions-page">
      <PageHeader
        eyebrow="Monitor"
        title="Exceptions for the next cycle"
        description="Where the committed plan was not met in the last closed months, largest value at stake first. Each links to its data; acknowledge it with what was done."
      />
      <form className="supply-toolbar" onSubmit={(event) => event.preventDefault()}>
        <label className="field">
          <span className="field-label">Closed months</span>
          <select
            className="input input-small"
            data-testid="exceptions-months"
            value={span.months}
            onChange={(event) => {
              const months = Number(event.target.value);
              setSpan({ months, biasPeriods: Math.min(span.biasPeriods, months) });
            }}
          >
            {WINDOWS.map((m) => (
              <option key={m} value={m}>
                last {m}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Bias for at least</span>
          <select
            className="input input-small"
            data-testid="exceptions-bias-periods"
            value={span.biasPeriods}
            onChange={(event) => setSpan({ ...span, biasPeriods: Number(event.target.value) })}
          >
            {RUNS.filter((n) => n <= span.months).map((n) => (
              <option key={n} value={n}>
                {n} months in a row
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Kind</span>
          <select
            className="input input-small"
            data-testid="exceptions-kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as MonitoringException["kind"] | "all")}
          >
            <option value="all">all kinds</option>
            {kinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {EXCEPTION_KIND[k.kind].label} ({formatCount(k.count)})
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="exceptions-open-only"
            checked={openOnly}
            onChange={(event) => setOpenOnly(event.target.checked)}
          />
          <span>Open only</span>
        </label>
      </form>
      <Panel
        title={list.data ? `Opening the ${formatPeriodLong(list.data.cycle)} cycle` : "Exceptions"}
        subtitle={
          list.data
            ? `${formatPeriod(list.data.from)}–${formatPeriod(list.data.to)} · ${formatCount(list.data.exceptions.length)} exceptions, ${formatCount(list.data.exceptions.filter((e) => e.status === "open").length)} open`
            : "Largest value at stake first"
        }
        testId="monitoring-exceptions"
      >
        {list.isPending ? <Loading label="Judging the last closed months…" /> : null}
        {list.isError ? <ErrorMessage error={list.error} /> : null}
        {list.data && shown.length === 0 ? (
          <p className="muted">No exceptions: the committed plan was met within every target.</p>
        ) : null}
        {shown.length > 0 ? (
          <ExceptionTable
            exceptions={shown}
            currency={currency}
            mayAcknowledge={mayAcknowledge}
            span={span}
          />
        ) : null}
      </Panel>
    </div>
  );
}

function ExceptionTable({
  exceptions,
  currency,
  mayAcknowledge,
  span,
}: {
  exceptions: readonly MonitoringException[];
  currency: CompanyCurrency;
  mayAcknowledge: boolean;
  span: ExceptionWindow;
}) {
  const [expanded, setExpanded] = useState<string | null>(null);
  return (
    <table className="grid grid-plain" aria-label="Monitoring exceptions">
      <thead>
        <tr>
          <th scope="col">Exception</th>
          <th scope="col">Kind</th>
          <th scope="col">Months</th>
          <th scope="col" className="align-right">
            At stake ({currency.code})
          </th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {exceptions.map((e) => (
          <Fragment key={e.key}>
            <tr data-key={e.key} data-kind={e.kind} data-status={e.status}>
              <th scope="row">
                {e.title}
                <span className="decision-rationale">
                  {e.subject.name}
                  {e.trackingSignal !== null
                    ? ` · tracking signal ${formatQuantity(e.trackingSignal, 1, 1)}`
                    : null}
                </span>
              </th>
              <td>
                <Tag tone={EXCEPTION_KIND[e.kind].tone}>{EXCEPTION_KIND[e.kind].label}</Tag>
              </td>
              <td>{exceptionMonths(e.periods)}</td>
              <td className="align-right num">{formatMoneyRounded(e.valueAtStake, currency)}</td>
              <td>
                <Tag tone={EXCEPTION_STATUS[e.status].tone}>{EXCEPTION_STATUS[e.status].label}</Tag>
                {e.acknowledgedBy && e.acknowledgedAt ? (
                  <span className="decision-rationale" data-testid="exception-acknowledged">
                    {e.acknowledgedBy}, {formatTimestamp(e.acknowledgedAt)}: {e.action}
                  </span>
                ) : null}
              </td>
              <td>
                <Link to={e.link} className="button button-small button-quiet" data-testid="exception-link">
                  Data
                </Link>{" "}
                <button
                  type="button"
                  className="button button-small button-quiet"
                  aria-expanded={expanded === e.key}
                  data-testid="exception-toggle"
                  onClick={() => setExpanded(expanded === e.key ? null : e.key)}
                >
                  {mayAcknowledge ? "Acknowledge" : "History"}
                </button>
              </td>
            </tr>
            {expanded === e.key ? (
              <tr>
                <td colSpan={6}>
                  {mayAcknowledge ? <AcknowledgeForm exception={e} span={span} /> : null}
                  <AcknowledgementHistory exceptionKey={e.key} span={span} />
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

function AcknowledgeForm({ exception, span }: { exception: MonitoringException; span: ExceptionWindow }) {
  const acknowledge = useAcknowledgeException();
  const [action, setAction] = useState("");
  const [status, setStatus] = useState<AcknowledgementStatus>("acknowledged");
  return (
    <form
      className="decision-form"
      data-testid="acknowledge-form"
      onSubmit={(event) => {
        event.preventDefault();
        acknowledge.mutate(
          { key: exception.key, action: action.trim(), status, ...span },
          { onSuccess: () => setAction("") },
        );
      }}
    >
      <label className="field decision-rationale-field">
        <span className="field-label">What was done</span>
        <textarea
          className="input"
          rows={2}
          required
          maxLength={2000}
          data-testid="acknowledge-action"
          value={action}
          onChange={(event) => setAction(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">Status</span>
        <select
          className="input input-small"
          data-testid="acknowledge-status"
          value={status}
          onChange={(event) => setStatus(event.target.value as AcknowledgementStatus)}
        >
          {ACKNOWLEDGEMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {EXCEPTION_STATUS[s].label}
            </option>
          ))}
        </select>
      </label>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary button-small"
          data-testid="acknowledge-submit"
          disabled={action.trim() === "" || acknowledge.isPending}
        >
          Record
        </button>
      </div>
      {acknowledge.isError ? (
        <ErrorMessage error={acknowledge.error} title="The acknowledgement was not recorded" />
      ) : null}
    </form>
  );
}

function AcknowledgementHistory({ exceptionKey, span }: { exceptionKey: string; span: ExceptionWindow }) {
  const history = useExceptionHistory(exceptionKey, span);
  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorMessage error={history.error} />;
  const { acknowledgements } = history.data;
  if (acknowledgements.length === 0) return <p className="muted">Not acknowledged yet.</p>;
  return (
    <ol className="decision-history" data-testid="acknowledgement-history">
      {acknowledgements.map((a) => (
        <li key={a.id}>
          <strong>{a.by.displayName}</strong>, {formatTimestamp(a.at)} —{" "}
          {EXCEPTION_STATUS[a.status].label.toLowerCase()}: {a.action}
        </li>
      ))}
    </ol>
  );
}
