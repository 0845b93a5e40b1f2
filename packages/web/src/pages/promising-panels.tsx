// The promising page's lists: the promises of a SKU-location (or the one a notification links to),
// each with a way to cancel it giving a reason, and the promises the committed plan no longer meets,
// with the date it can, and a button that checks again and tells their sales users.

import { useState } from "react";
import {
  type PromiseRecord,
  useCancelPromise,
  useCheckAtRisk,
  usePromises,
  usePromisesAtRisk,
} from "../api/promising";
import { Panel } from "../components/panel";
import { ErrorMessage, Loading } from "../components/query-state";
import { Tag } from "../components/tag";
import { formatCount } from "../format/numbers";

const linesText = (p: PromiseRecord) =>
  p.lines
    .map((l) => `${formatCount(l.quantity)} in ${l.period}${l.source === "ctp" ? " (to be made)" : ""}`)
    .join(", ");

/** The promises of a SKU-location, or the one numbered `id`, newest first. */
export function PromiseList(props: { sku?: string; location?: string; id?: number; title: string }) {
  const promises = usePromises({ sku: props.sku, location: props.location, id: props.id });
  return (
    <Panel title={props.title} flush>
      {promises.isPending ? <Loading /> : null}
      {promises.isError ? <ErrorMessage error={promises.error} /> : null}
      {promises.data && promises.data.promises.length === 0 ? (
        <p className="muted">No promises yet.</p>
      ) : null}
      {promises.data && promises.data.promises.length > 0 ? (
        <table className="grid grid-plain" data-testid="promise-list">
          <thead>
            <tr>
              <th>Promise</th>
              <th>Customer</th>
              <th>Asked</th>
              <th>Promised</th>
              <th>By</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {promises.data.promises.map((p) => (
              <tr key={p.id} data-promise={p.id}>
                <td>
                  #{p.id} {p.sku} at {p.location}
                </td>
                <td>{p.customer ?? "—"}</td>
                <td>
                  {formatCount(p.quantity ?? 0)} in {p.requestedPeriod}
                </td>
                <td>{linesText(p)}</td>
                <td>{p.createdBy}</td>
                <td>
                  {p.status === "cancelled" ? (
                    <span title={p.cancellation?.reason}>
                      <Tag tone="neutral">Cancelled</Tag> by {p.cancellation?.by}: {p.cancellation?.reason}
                    </span>
                  ) : (
                    <Tag tone="success">Accepted</Tag>
                  )}
                </td>
                <td>{p.status === "accepted" ? <CancelPromise id={p.id} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Panel>
  );
}

function CancelPromise({ id }: { id: number }) {
  const [reason, setReason] = useState("");
  const cancel = useCancelPromise();
  return (
    <form
      className="supply-toolbar"
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim()) cancel.mutate({ id, reason: reason.trim() });
      }}
    >
      <input
        className="input input-small"
        placeholder="Why cancel?"
        aria-label={`Reason to cancel promise ${id}`}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        data-testid="cancel-reason"
      />
      <button
        type="submit"
        className="button button-small"
        disabled={cancel.isPending || reason.trim() === ""}
        data-testid="cancel-promise"
      >
        Cancel promise
      </button>
      {cancel.isError ? <ErrorMessage error={cancel.error} /> : null}
    </form>
  );
}

/** Accepted promises the committed plan no longer meets, and the check that tells their sales users. */
export function AtRiskPanel() {
  const risks = usePromisesAtRisk();
  const check = useCheckAtRisk();
  const list = risks.data?.atRisk ?? [];
  return (
    <Panel
      title="Promises at risk"
      subtitle={
        risks.data
          ? `Against the committed plan of ${risks.data.cyclePeriod}; each one's sales user is told once per plan`
          : undefined
      }
      flush
    >
      <div className="supply-toolbar">
        <button
          type="button"
          className="button button-small"
          disabled={check.isPending}
          onClick={() => check.mutate()}
          data-testid="at-risk-check"
        >
          Check and notify
        </button>
        {check.data ? (
          <span data-testid="at-risk-notified">
            {check.data.notified === 0
              ? "Everyone was already told."
              : `${formatCount(check.data.notified ?? 0)} sales user notification(s) sent.`}
          </span>
        ) : null}
      </div>
      {risks.isError ? <ErrorMessage error={risks.error} /> : null}
      {check.isError ? <ErrorMessage error={check.error} /> : null}
      {risks.data && list.length === 0 ? (
        <p className="muted">The committed plan meets every accepted promise.</p>
      ) : null}
      {list.length > 0 ? (
        <table className="grid grid-plain" data-testid="at-risk-table">
          <thead>
            <tr>
              <th>Promise</th>
              <th>Customer</th>
              <th>Short</th>
              <th>Achievable by</th>
              <th>Told</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.id} data-promise={r.id}>
                <td>
                  #{r.id} {formatCount(r.quantity)} × {r.sku} at {r.location}
                </td>
                <td>{r.customer ?? "—"}</td>
                <td>{formatCount(r.uncovered)}</td>
                <td>{r.achievablePeriod ?? <Tag tone="danger">Not within the plan</Tag>}</td>
                <td>{r.notify}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Panel>
  );
}
