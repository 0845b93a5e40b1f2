// The demand review: the product hierarchy down the side (expand any brand or family), months
// across, and the chosen layer's figures in the cells. Type a new figure on a family and the
// server spreads it over the SKUs below (locked ones stay); select a row to see every layer
// beside each other. Each edit carries a reason code, can be undone, and the demand planner
// proposes and finally approves the consensus, which freezes the version.

import { canApproveConsensus, canEditDemandLayer, type Role } from "@fulcrum/domain";
import { useState } from "react";
import { Link } from "react-router";
import { ApiError } from "../api/api-error";
import {
  type ConflictingChange,
  DEMAND_LAYERS,
  type DemandGrid,
  type DemandGridRow,
  type DemandLayer,
  useDemandActions,
  useDemandEdits,
  useDemandGrid,
  usePlanVersions,
} from "../api/demand";
import { useMe, useWorkspace } from "../api/queries";
import { PageHeader } from "../components/page-header";
import { PlanCell } from "../components/plan-cell";
import { ErrorMessage, Loading } from "../components/query-state";
import { formatPeriod } from "../format/dates";
import { parseCellEdit } from "../format/edit-input";
import { formatQuantity } from "../format/numbers";

export const LAYER_LABELS: Record<DemandLayer, string> = {
  "demand.statistical": "Statistical",
  "demand.sales": "Sales",
  "demand.marketing": "Marketing",
  "demand.product": "Product",
  "demand.consensus": "Consensus",
};

/** Reason codes offered for an edit; the audit trail stores the text. */
export const REASON_CODES = [
  "Key account win",
  "Key account loss",
  "Promotion",
  "Launch",
  "Phase-out",
  "Market intelligence",
  "Price change",
  "Correction",
] as const;

const BASES = [
  { value: "current", label: "Current split" },
  { value: "statistical", label: "Statistical forecast" },
  { value: "history", label: "Same month last year" },
  { value: "even", label: "Evenly" },
] as const;

type Notice =
  | { readonly tone: "ok" | "error"; readonly text: string }
  | { readonly tone: "conflict"; readonly text: string; readonly changes: readonly ConflictingChange[] };

export function DemandReviewPage() {
  const me = useMe();
  const workspace = useWorkspace();
  const versions = usePlanVersions();
  const [chosenVersion, setChosenVersion] = useState<number | null>(null);
  const demandVersions = (versions.data ?? []).filter((v) => v.kind === "demand");
  const versionId =
    chosenVersion ?? demandVersions.find((v) => v.status === "draft")?.id ?? demandVersions[0]?.id ?? null;
  const from = workspace.data?.company.currentPeriod ?? null;
  const root = useDemandGrid(versionId, { kind: "all", code: null }, from);
  const role = me.data?.role;

  if (versions.isPending || workspace.isPending) return <Loading label="Loading the demand plan…" />;
  if (versions.isError) return <ErrorMessage error={versions.error} />;
  return (
    <div className="page" data-testid="demand-review-page">
      <PageHeader
        eyebrow={<Link to="/demand">Demand</Link>}
        title="Demand review"
        description="Each function's view of demand by product and month, and the consensus the company plans on."
      />
      {versionId === null ? (
        <div className="alert alert-warning" role="note" data-testid="demand-no-version">
          <strong>No demand plan yet</strong>
          <span>
            Run the <Link to="/demand/forecast">statistical forecast</Link>: it writes the first draft demand
            version.
          </span>
        </div>
      ) : (
        <>
          <label className="field">
            <span className="field-label">Version</span>
            <select
              className="input"
              data-testid="demand-version"
              value={versionId}
              onChange={(event) => setChosenVersion(Number(event.target.value))}
            >
              {demandVersions.map((v) => (
                <option key={v.id} value={v.id}>
                  {`${v.scenario} v${v.number}${v.label ? ` – ${v.label}` : ""} (${v.status})`}
                </option>
              ))}
            </select>
          </label>
          {root.isPending ? <Loading /> : null}
          {root.isError ? <ErrorMessage error={root.error} /> : null}
          {root.data && role ? (
            <DemandReview grid={root.data} role={role} username={me.data?.username ?? ""} />
          ) : null}
        </>
      )}
    </div>
  );
}

function DemandReview({ grid, role, username }: { grid: DemandGrid; role: Role; username: string }) {
  const editableLayers = DEMAND_LAYERS.filter((layer) => canEditDemandLayer(role, layer));
  const [layer, setLayer] = useState<DemandLayer>(
    editableLayers.includes("demand.consensus")
      ? "demand.consensus"
      : (editableLayers[0] ?? "demand.consensus"),
  );
  const [reason, setReason] = useState<string>(REASON_CODES[0]);
  const [comment, setComment] = useState("");
  const [basis, setBasis] = useState<string>("current");
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set(["all:"]));
  const [selected, setSelected] = useState<string>("all:");
  const [notice, setNotice] = useState<Notice | null>(null);
  const actions = useDemandActions(grid.versionId);
  const edits = useDemandEdits(grid.versionId);
  const draft = grid.status === "draft";
  const canEdit = draft && editableLayers.includes(layer);
  const lastEdit = edits.data?.find((e) => e.user === username && e.undoneBy === null && e.kind !== "undo");
  const fail = (error: unknown) => setNotice(noticeOf(error));

  const context: RowContext = {
    grid,
    layer,
    canEdit,
    expanded,
    selected,
    toggle: (key) =>
      setExpanded((open) => {
        const next = new Set(open);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    select: setSelected,
    commit: (row, index, text) => {
      const edit = parseCellEdit(text);
      const period = grid.periods[index]!;
      if (!edit) {
        setNotice({
          tone: "error",
          text: `“${text}” is not a figure, a change (+150) or a percentage (+5%)`,
        });
        return;
      }
      actions.edit.mutate(
        {
          versionId: grid.versionId,
          measure: layer,
          node: row,
          period,
          edit,
          basis,
          reason,
          comment,
          expectedRevision: grid.revision,
        },
        {
          onSuccess: (o) =>
            setNotice({
              tone: "ok",
              text: `${row.name}, ${formatPeriod(period)}: ${formatQuantity(o.before, 0)} → ${formatQuantity(o.after, 0)} (${o.changed} SKU cell${o.changed === 1 ? "" : "s"} changed)`,
            }),
          onError: fail,
        },
      );
    },
    toggleLock: (row, index, locked) =>
      actions.lock.mutate(
        { measure: layer, node: row, period: grid.periods[index]!, locked: !locked },
        { onError: fail },
      ),
  };

  return (
    <>
      <div className="toolbar demand-toolbar">
        <label className="field">
          <span className="field-label">Layer</span>
          <select
            className="input"
            data-testid="demand-layer"
            value={layer}
            onChange={(e) => setLayer(e.target.value as DemandLayer)}
          >
            {DEMAND_LAYERS.map((l) => (
              <option key={l} value={l}>
                {LAYER_LABELS[l]}
                {editableLayers.includes(l) ? "" : " (read only)"}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Reason</span>
          <select
            className="input"
            data-testid="demand-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          >
            {REASON_CODES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Comment</span>
          <input
            className="input"
            data-testid="demand-comment"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">Spread</span>
          <select
            className="input"
            data-testid="demand-basis"
            value={basis}
            onChange={(e) => setBasis(e.target.value)}
          >
            {BASES.map((b) => (
              <option key={b.value} value={b.value}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
        <span className="toolbar-spacer" />
        <button
          type="button"
          className="button"
          data-testid="demand-undo"
          disabled={!draft || !lastEdit || actions.undo.isPending}
          onClick={() =>
            lastEdit &&
            actions.undo.mutate(lastEdit.id, {
              onSuccess: () => setNotice({ tone: "ok", text: "Your last edit was undone" }),
              onError: fail,
            })
          }
        >
          Undo my last edit
        </button>
        {canEditDemandLayer(role, "demand.consensus") ? (
          <button
            type="button"
            className="button"
            data-testid="demand-propose"
            disabled={!draft || actions.propose.isPending}
            onClick={() =>
              actions.propose.mutate(
                {
                  from: grid.periods[0]!,
                  to: grid.periods.at(-1)!,
                  reason: "consensus proposal",
                  expectedRevision: grid.revision,
                },
                {
                  onSuccess: (o) =>
                    setNotice({
                      tone: "ok",
                      text: `Consensus proposed: ${o.changed} SKU cells set from the layers`,
                    }),
                  onError: fail,
                },
              )
            }
          >
            Propose consensus
          </button>
        ) : null}
        {canApproveConsensus(role) ? (
          <button
            type="button"
            className="button button-primary"
            data-testid="demand-approve"
            disabled={!draft || actions.approve.isPending}
            onClick={() =>
              actions.approve.mutate(undefined, {
                onSuccess: () =>
                  setNotice({ tone: "ok", text: "Consensus approved; this version is now frozen" }),
                onError: fail,
              })
            }
          >
            Approve consensus
          </button>
        ) : null}
      </div>
      {draft ? null : (
        <div className="alert alert-warning" role="note" data-testid="demand-frozen">
          <strong>This version is {grid.status}</strong>
          <span>Its figures can no longer change.</span>
        </div>
      )}
      {notice ? <NoticeBox notice={notice} /> : null}
      <div className="grid-scroll">
        <table
          className="grid demand-grid"
          aria-label="Demand by product and month"
          data-testid="demand-grid"
        >
          <thead>
            <tr>
              <th scope="col" className="demand-node">
                Product
              </th>
              {grid.periods.map((p) => (
                <th key={p} scope="col" className="align-right">
                  {formatPeriod(p)}
                </th>
              ))}
              <th scope="col" className="align-right">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            <NodeRows row={grid.rows[0]!} depth={0} context={context} />
          </tbody>
        </table>
      </div>
    </>
  );
}

interface RowContext {
  readonly grid: DemandGrid;
  readonly layer: DemandLayer;
  readonly canEdit: boolean;
  readonly expanded: ReadonlySet<string>;
  readonly selected: string;
  readonly toggle: (key: string) => void;
  readonly select: (key: string) => void;
  readonly commit: (row: DemandGridRow, index: number, text: string) => void;
  readonly toggleLock: (row: DemandGridRow, index: number, locked: boolean) => void;
}

const keyOf = (row: DemandGridRow) => `${row.kind}:${row.code ?? ""}`;

function NodeRows({ row, depth, context }: { row: DemandGridRow; depth: number; context: RowContext }) {
  const key = keyOf(row);
  const open = context.expanded.has(key);
  const isSelected = context.selected === key;
  const values = row.layers[context.layer];
  const locked = row.locked[context.layer] ?? [];
  return (
    <>
      <tr
        data-testid="demand-row"
        data-node={row.code ?? "all"}
        data-kind={row.kind}
        className={isSelected ? "demand-row-selected" : undefined}
      >
        <th scope="row" className="demand-node" style={{ paddingLeft: 8 + depth * 16 }}>
          {row.kind !== "item" && row.children > 0 ? (
            <button
              type="button"
              className="tree-toggle"
              aria-label={`${open ? "Collapse" : "Expand"} ${row.name}`}
              aria-expanded={open}
              data-testid="demand-toggle"
              onClick={() => context.toggle(key)}
            >
              <span className={open ? "chevron chevron-open" : "chevron"} aria-hidden="true" />
            </button>
          ) : (
            <span className="tree-leaf" aria-hidden="true" />
          )}
          <button
            type="button"
            className="link-button"
            data-testid="demand-select"
            onClick={() => context.select(key)}
          >
            {row.name}
          </button>
        </th>
        {context.grid.periods.map((period, i) => (
          <td key={period} className="align-right" data-period={period}>
            <PlanCell
              value={values[i] ?? null}
              label={`${row.name}, ${formatPeriod(period)}`}
              editable={context.canEdit}
              locked={locked[i] ?? false}
              onCommit={(text) => context.commit(row, i, text)}
              onToggleLock={
                context.canEdit || locked[i]
                  ? () => context.toggleLock(row, i, locked[i] ?? false)
                  : undefined
              }
            />
          </td>
        ))}
        <td className="align-right" data-testid="demand-row-total">
          <span className="num">{total(values)}</span>
        </td>
      </tr>
      {isSelected
        ? DEMAND_LAYERS.map((layer) => (
            <tr key={layer} className="layer-row" data-testid="layer-row" data-layer={layer}>
              <th scope="row" className="demand-node" style={{ paddingLeft: 32 + depth * 16 }}>
                {LAYER_LABELS[layer]}
              </th>
              {row.layers[layer].map((v, i) => (
                <td key={context.grid.periods[i]} className="align-right">
                  <span className="num">{v === null ? "" : formatQuantity(v, 0)}</span>
                </td>
              ))}
              <td className="align-right">
                <span className="num">{total(row.layers[layer])}</span>
              </td>
            </tr>
          ))
        : null}
      {open ? <ChildRows parent={row} depth={depth + 1} context={context} /> : null}
    </>
  );
}

function ChildRows({
  parent,
  depth,
  context,
}: {
  parent: DemandGridRow;
  depth: number;
  context: RowContext;
}) {
  const query = useDemandGrid(context.grid.versionId, parent, context.grid.periods[0] ?? null);
  const span = context.grid.periods.length + 2;
  if (query.isPending || query.isError)
    return (
      <tr>
        <td colSpan={span} style={{ paddingLeft: 8 + depth * 16 }}>
          {query.isError ? <ErrorMessage error={query.error} /> : "Loading…"}
        </td>
      </tr>
    );
  return query.data.rows
    .slice(1)
    .map((row) => <NodeRows key={keyOf(row)} row={row} depth={depth} context={context} />);
}

function NoticeBox({ notice }: { notice: Notice }) {
  if (notice.tone === "ok")
    return (
      <div className="alert alert-success" role="status" data-testid="demand-notice">
        {notice.text}
      </div>
    );
  return (
    <div className="alert alert-danger" role="alert" data-testid="demand-notice">
      <strong>
        {notice.tone === "conflict" ? "Someone changed these figures first" : "The edit was not made"}
      </strong>
      <span>{notice.text}</span>
      {notice.tone === "conflict" ? (
        <ul data-testid="demand-conflict">
          {notice.changes.slice(0, 5).map((c) => (
            <li key={`${c.sku} ${c.period} ${c.at}`}>
              {`${c.user}: ${c.sku} ${formatPeriod(c.period)} ${c.oldValue ?? "–"} → ${c.newValue ?? "–"} (${c.reason})`}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function noticeOf(error: unknown): Notice {
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError && error.code === "conflict") {
    const body = error.body as { changes?: ConflictingChange[] } | null;
    if (body?.changes) return { tone: "conflict", text, changes: body.changes };
  }
  return { tone: "error", text };
}

function total(values: readonly (number | null)[]): string {
  return values.some((v) => v !== null)
    ? formatQuantity(
        values.reduce<number>((s, v) => s + (v ?? 0), 0),
        0,
      )
    : "";
}
