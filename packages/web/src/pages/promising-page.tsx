// Order promising: look up a SKU-location's available-to-promise against the committed plan, then
// quote a customer's request and, when it suits, promise it — from ATP, or with what ATP lacks made
// from spare capacity and material. Below: the promises made (cancel one), and those at risk.
// `?promise=N` (a notification's link) shows that promise first.

import { useState } from "react";
import { useSearchParams } from "react-router";
import { type PromiseQuote, useAtp, usePromise } from "../api/promising";
import { PageHeader } from "../components/page-header";
import { Panel } from "../components/panel";
import { ErrorMessage, Loading } from "../components/query-state";
import { TextField } from "../components/text-field";
import { formatCount } from "../format/numbers";
import { AtRiskPanel, PromiseList } from "./promising-panels";

export function PromisingPage() {
  const [sku, setSku] = useState("");
  const [location, setLocation] = useState("");
  const [lookup, setLookup] = useState({ sku: "", location: "" });
  const atp = useAtp(lookup.sku, lookup.location);
  const [search] = useSearchParams();
  const linked = Number(search.get("promise"));
  return (
    <div className="page" data-testid="promising-page">
      <PageHeader
        eyebrow="Operations"
        title="Order promising"
        description="What can still be promised of a product at a location, from the committed plan and the promises already made."
      />
      {Number.isInteger(linked) && linked > 0 ? (
        <PromiseList id={linked} title={`Promise ${linked}`} />
      ) : null}
      <form
        className="supply-toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          setLookup({ sku: sku.trim(), location: location.trim() });
        }}
      >
        <TextField label="SKU" value={sku} onChange={setSku} testId="atp-sku" />
        <TextField label="Location" value={location} onChange={setLocation} testId="atp-location" />
        <button type="submit" className="button button-small" data-testid="atp-show">
          Show ATP
        </button>
      </form>
      {atp.isFetching && !atp.data ? <Loading label="Reading the committed plan…" /> : null}
      {atp.isError ? <ErrorMessage error={atp.error} /> : null}
      {atp.data ? (
        <>
          <Panel
            title={`ATP of ${atp.data.sku} at ${atp.data.location}`}
            subtitle={`Committed plan of ${atp.data.cyclePeriod}; on hand ${formatCount(atp.data.onHand)}`}
            flush
          >
            <table className="grid grid-plain" data-testid="atp-table">
              <thead>
                <tr>
                  <th>Period</th>
                  <th>Receipts</th>
                  <th>Committed</th>
                  <th>ATP</th>
                  <th>Cumulative ATP</th>
                  <th>Promised</th>
                  <th>Still available</th>
                </tr>
              </thead>
              <tbody>
                {atp.data.periods.map((p, t) => (
                  <tr key={p} data-key={p}>
                    <td>{p}</td>
                    <td>{formatCount(atp.data.receipts[t]!)}</td>
                    <td>{formatCount(atp.data.committed[t]!)}</td>
                    <td>{formatCount(atp.data.discrete[t]!)}</td>
                    <td>{formatCount(atp.data.cumulative[t]!)}</td>
                    <td>{formatCount(atp.data.promised[t]!)}</td>
                    <td>
                      {formatCount(atp.data.available.find((a) => a.segment === "*")?.cumulative[t] ?? 0)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Panel>
          <PromiseForm sku={atp.data.sku} location={atp.data.location} periods={atp.data.periods} />
          <PromiseList
            sku={atp.data.sku}
            location={atp.data.location}
            title={`Promises of ${atp.data.sku} at ${atp.data.location}`}
          />
        </>
      ) : null}
      <AtRiskPanel />
    </div>
  );
}

function PromiseForm(props: { sku: string; location: string; periods: readonly string[] }) {
  const [quantity, setQuantity] = useState("");
  const [period, setPeriod] = useState(props.periods[0] ?? "");
  const [segment, setSegment] = useState("");
  const mutation = usePromise();
  const submit = (accept: boolean, capableToPromise = false) =>
    mutation.mutate({
      sku: props.sku,
      location: props.location,
      quantity: Number(quantity),
      period,
      segment,
      accept,
      ...(capableToPromise ? { capableToPromise } : {}),
    });
  const answer = mutation.data;
  return (
    <Panel title="Promise an order">
      <div className="supply-toolbar">
        <TextField
          label="Quantity"
          value={quantity}
          onChange={setQuantity}
          testId="promise-quantity"
          inputMode="numeric"
        />
        <label className="field">
          <span className="field-label">Period</span>
          <select
            className="input input-small"
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
            data-testid="promise-period"
          >
            {props.periods.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <TextField label="Segment" value={segment} onChange={setSegment} testId="promise-segment" />
        <button
          type="button"
          className="button button-small"
          onClick={() => submit(false)}
          data-testid="promise-quote"
        >
          Quote
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => submit(true)}
          data-testid="promise-accept"
        >
          Promise
        </button>
      </div>
      {mutation.isError ? <ErrorMessage error={mutation.error} /> : null}
      {answer ? (
        <p data-testid="promise-answer">
          {"id" in answer ? `Promise ${answer.id} recorded: ` : `Quote (${(answer as PromiseQuote).kind}): `}
          {answer.lines.map((l) => `${formatCount(l.quantity)} in ${l.period}`).join(", ") ||
            "nothing can be promised"}
          {"unpromised" in answer && answer.unpromised > 0
            ? `; ${formatCount(answer.unpromised)} cannot be promised within the plan`
            : ""}
        </p>
      ) : null}
      {answer && !("id" in answer) && answer.ctp ? (
        <p data-testid="promise-ctp">
          {answer.ctp.made > 0
            ? `Capable-to-promise (${answer.ctp.kind}): ${answer.ctp.lines
                .map(
                  (l) =>
                    `${formatCount(l.quantity)} in ${l.period}${l.source === "ctp" ? " (to be made)" : ""}`,
                )
                .join(
                  ", ",
                )}${answer.ctp.unpromised > 0 ? `; ${formatCount(answer.ctp.unpromised)} cannot be made in time` : ""}`
            : `Nothing more can be made: ${answer.ctp.limitedBy === "routing" ? "no routing" : `no spare ${answer.ctp.limitedBy ?? "capacity"}`}`}
          {answer.ctp.made > 0 ? (
            <button
              type="button"
              className="button button-small"
              onClick={() => submit(true, true)}
              data-testid="promise-accept-ctp"
            >
              Promise with capable-to-promise
            </button>
          ) : null}
        </p>
      ) : null}
    </Panel>
  );
}
