// The supply planner's "what changed" list: each supplier response with the capacity and lead
// time before and after it, who answered and when, the comment, and whether a supply run has
// planned with it yet — so a planner knows which answers the current plan does not reflect.

import { useSupplierResponseChanges } from "../api/suppliers";
import { formatPeriod, formatTimestamp } from "../format/dates";
import { formatQuantity } from "../format/numbers";
import { Panel } from "./panel";
import { ErrorMessage, Loading } from "./query-state";
import { Tag } from "./tag";

const capacityText = (value: number | null) => (value === null ? "unlimited" : formatQuantity(value, 0));

export function SupplierResponsesPanel() {
  const changes = useSupplierResponseChanges();
  return (
    <Panel
      title="Supplier responses"
      subtitle="Confirmations and counter-proposals, newest first; the next supply run plans with those in force"
      flush
      testId="supplier-responses"
    >
      {changes.isPending ? <Loading label="Loading supplier responses…" /> : null}
      {changes.isError ? <ErrorMessage error={changes.error} /> : null}
      {changes.data && changes.data.length === 0 ? (
        <p className="panel-empty">No supplier has answered yet.</p>
      ) : null}
      {changes.data && changes.data.length > 0 ? (
        <div className="grid-scroll">
          <table className="grid grid-plain" aria-label="Supplier responses">
            <thead>
              <tr>
                <th scope="col">Supplier</th>
                <th scope="col">Part</th>
                <th scope="col">Month</th>
                <th scope="col">Answer</th>
                <th scope="col" className="align-right">
                  Requested
                </th>
                <th scope="col" className="align-right">
                  Capacity
                </th>
                <th scope="col" className="align-right">
                  Lead time (days)
                </th>
                <th scope="col">By, when</th>
                <th scope="col">Comment</th>
                <th scope="col">Planned with</th>
              </tr>
            </thead>
            <tbody>
              {changes.data.map((r) => (
                <tr key={r.id} data-response={r.id} data-sku={r.sku} data-period={r.period}>
                  <td>{r.supplierName}</td>
                  <td>{r.sku}</td>
                  <td>{formatPeriod(r.period)}</td>
                  <td>
                    <Tag tone={r.status === "counter" ? "warning" : "success"}>
                      {r.status === "counter" ? "Counter-proposal" : "Confirmed"}
                    </Tag>
                  </td>
                  <td className="align-right num">{formatQuantity(r.requestedQuantity, 0)}</td>
                  <td className="align-right num" data-testid="capacity-change">
                    {capacityText(r.oldCapacity)} → {capacityText(r.newCapacity)}
                  </td>
                  <td className="align-right num">
                    {r.oldLeadTimeDays} → {r.newLeadTimeDays}
                  </td>
                  <td>
                    {r.respondedBy}, {formatTimestamp(r.respondedAt)}
                  </td>
                  <td>{r.comment}</td>
                  <td>
                    {r.usedByRunId !== null
                      ? `run #${r.usedByRunId}`
                      : r.inForce
                        ? "not yet"
                        : "replaced before a run"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Panel>
  );
}
