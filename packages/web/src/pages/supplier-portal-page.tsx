// The supplier portal: the one page a supplier user sees. For each of its own parts and each
// period of the latest supply plan it shows what the plan asks it to deliver, the capacity and
// lead time in force, and inputs to answer: "Confirm" records the figures shown as its word for
// every period with a requirement; "Counter-propose" sends only the periods it changed. Either
// way the next supply run plans with the answer.

import { useState } from "react";
import {
  type PartPeriod,
  type SupplierPart,
  type SupplierResponseRow,
  useSubmitSupplierResponses,
  useSupplierRequirements,
} from "../api/suppliers";
import { PageHeader } from "../components/page-header";
import { Panel } from "../components/panel";
import { ErrorMessage, Loading } from "../components/query-state";
import { formatPeriod, formatTimestamp } from "../format/dates";
import { formatQuantity } from "../format/numbers";

/** What the supplier typed for one part and period, as text until sent. */
interface Draft {
  readonly capacity: string;
  readonly leadTimeDays: string;
}

const cellKey = (sku: string, period: string) => `${sku}|${period}`;

export function SupplierPortalPage() {
  const requirements = useSupplierRequirements();
  const submit = useSubmitSupplierResponses();
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Draft>>(new Map());
  const [comment, setComment] = useState("");
  const [message, setMessage] = useState<string | null>(null);

  if (requirements.isPending) return <Loading label="Loading your requirements…" />;
  if (requirements.isError) return <ErrorMessage error={requirements.error} />;
  const view = requirements.data;

  const edit = (sku: string, period: string, field: keyof Draft, value: string, shown: Draft) => {
    const next = new Map(drafts);
    next.set(cellKey(sku, period), { ...(drafts.get(cellKey(sku, period)) ?? shown), [field]: value });
    setDrafts(next);
    setMessage(null);
  };
  const changed = [...drafts.entries()].filter(([key, draft]) => {
    const [sku, period] = key.split("|") as [string, string];
    const cell = view.parts.find((p) => p.sku === sku)?.periods.find((c) => c.period === period);
    return cell !== undefined && isChange(draft, cell);
  });

  const send = (rows: SupplierResponseRow[]) => {
    submit.mutate(rows, {
      onSuccess: ({ saved }) => {
        setDrafts(new Map());
        setComment("");
        setMessage(`${saved} ${saved === 1 ? "answer" : "answers"} sent; the next supply plan uses them.`);
      },
    });
  };
  const counter = () =>
    send(
      changed.map(([key, draft]) => {
        const [sku, period] = key.split("|") as [string, string];
        return { sku, period, ...parsed(draft), status: "counter", comment };
      }),
    );
  const confirm = () =>
    send(
      view.parts.flatMap((part) =>
        part.periods
          .filter((c) => c.requested > 0 && c.capacity !== null)
          .filter((c) => !changed.some(([key]) => key === cellKey(part.sku, c.period)))
          .map((c) => ({
            sku: part.sku,
            period: c.period,
            capacity: c.capacity!,
            leadTimeDays: c.leadTimeDays,
            status: "confirmed" as const,
            comment,
          })),
      ),
    );
  const invalid = changed.some(([, draft]) => !isValid(draft));

  return (
    <div className="page" data-testid="supplier-portal-page">
      <PageHeader
        eyebrow="Supplier portal"
        title={view.supplier.name}
        description={
          view.run
            ? `What supply plan #${view.run.id} (${view.run.finishedAt ? formatTimestamp(view.run.finishedAt) : "running"}) asks you to deliver, per month. Confirm it, or counter-propose the capacity and lead time you can hold.`
            : "No supply plan has been run yet: you can already state your capacity and lead time per month."
        }
      />
      {message ? (
        <div className="alert alert-success" role="status" data-testid="supplier-saved">
          {message}
        </div>
      ) : null}
      {submit.isError ? <ErrorMessage error={submit.error} /> : null}
      <Panel
        title="Your parts"
        subtitle="Units requested per month of receipt; capacity in units per month and lead time in days, as in force now."
        flush
      >
        <div className="grid-scroll">
          <table
            className="grid supplier-grid"
            aria-label="Requirements per part"
            data-testid="supplier-grid"
          >
            <thead>
              <tr>
                <th scope="col">Part</th>
                <th scope="col">Figure</th>
                {view.periods.map((p) => (
                  <th key={p} scope="col" className="align-right">
                    {formatPeriod(p)}
                  </th>
                ))}
              </tr>
            </thead>
            {view.parts.map((part) => (
              <PartRows key={part.sku} part={part} drafts={drafts} onEdit={edit} />
            ))}
          </table>
        </div>
      </Panel>
      <div className="supplier-actions">
        <label className="field">
          <span className="field-label">Comment</span>
          <input
            className="input"
            value={comment}
            maxLength={1000}
            onChange={(event) => setComment(event.target.value)}
            data-testid="supplier-comment"
          />
        </label>
        <button
          type="button"
          className="button"
          onClick={confirm}
          disabled={submit.isPending}
          data-testid="supplier-confirm"
        >
          Confirm
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={counter}
          disabled={submit.isPending || changed.length === 0 || invalid}
          data-testid="supplier-counter"
        >
          Counter-propose{changed.length > 0 ? ` (${changed.length})` : ""}
        </button>
      </div>
    </div>
  );
}

function PartRows({
  part,
  drafts,
  onEdit,
}: {
  part: SupplierPart;
  drafts: ReadonlyMap<string, Draft>;
  onEdit: (sku: string, period: string, field: keyof Draft, value: string, shown: Draft) => void;
}) {
  const shown = (c: PartPeriod): Draft => ({
    capacity: c.capacity === null ? "" : String(c.capacity),
    leadTimeDays: String(c.leadTimeDays),
  });
  const input = (c: PartPeriod, field: keyof Draft, label: string) => {
    const draft = drafts.get(cellKey(part.sku, c.period)) ?? shown(c);
    const edited = draft[field].trim() !== shown(c)[field];
    return (
      <td key={c.period} className="align-right">
        <input
          className={edited ? "input input-small input-edited" : "input input-small"}
          inputMode="numeric"
          aria-label={`${label} ${part.sku} ${c.period}`}
          aria-invalid={isChange(draft, c) && !isValid(draft)}
          value={draft[field]}
          placeholder={field === "capacity" ? "unlimited" : undefined}
          onChange={(event) => onEdit(part.sku, c.period, field, event.target.value, shown(c))}
        />
      </td>
    );
  };
  return (
    <tbody data-sku={part.sku}>
      <tr>
        <th scope="rowgroup" rowSpan={4}>
          <span className="supplier-part">{part.sku}</span>
          <span className="supplier-part-name">{part.name}</span>
        </th>
        <th scope="row">Requested</th>
        {part.periods.map((c) => (
          <td key={c.period} className="align-right num" data-period={c.period} data-requested={c.requested}>
            {formatQuantity(c.requested, 0)}
          </td>
        ))}
      </tr>
      <tr>
        <th scope="row">In force</th>
        {part.periods.map((c) => (
          <td
            key={c.period}
            className="align-right num"
            title={c.comment || undefined}
            data-source={c.source}
          >
            {c.capacity === null ? "unlimited" : formatQuantity(c.capacity, 0)} · {c.leadTimeDays} d
            {c.source !== "imported" ? <span className="supplier-source"> {c.source}</span> : null}
          </td>
        ))}
      </tr>
      <tr>
        <th scope="row">Capacity</th>
        {part.periods.map((c) => input(c, "capacity", "Capacity"))}
      </tr>
      <tr>
        <th scope="row">Lead time (days)</th>
        {part.periods.map((c) => input(c, "leadTimeDays", "Lead time"))}
      </tr>
    </tbody>
  );
}

function isChange(draft: Draft, cell: PartPeriod): boolean {
  const capacity = cell.capacity === null ? "" : String(cell.capacity);
  return draft.capacity.trim() !== capacity || draft.leadTimeDays.trim() !== String(cell.leadTimeDays);
}

function parsed(draft: Draft): { capacity: number; leadTimeDays: number } {
  return { capacity: Number(draft.capacity.replaceAll(",", "")), leadTimeDays: Number(draft.leadTimeDays) };
}

/** A capacity of at least 0 units and a whole lead time of at least 0 days; the server checks again. */
function isValid(draft: Draft): boolean {
  const { capacity, leadTimeDays } = parsed(draft);
  return (
    draft.capacity.trim() !== "" &&
    Number.isFinite(capacity) &&
    capacity >= 0 &&
    Number.isInteger(leadTimeDays) &&
    leadTimeDays >= 0
  );
}
