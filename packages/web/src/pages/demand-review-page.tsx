// The demand review: the product hierarchy down the side (expand any brand or family), months
// across, and the chosen layer's figures in the cells. Type a new figure on a family and the
// server spreads it over the SKUs below (locked ones stay); select a row to see every layer
// beside each other. Each edit carries a reason code, can be undone, and the demand planner
// proposes and finally approves the consensus, which freezes the version. The cells work like a
// spreadsheet's: arrows and Tab move, Enter edits and commits, a block pasted from Excel is sent
// as one all-or-nothing batch of edits.

import { addPeriods, canApproveConsensus, canEditDemandLayer, parsePeriod, type Role } from "@fulcrum/domain";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { fetchHierarchyPath } from "../api/client";
import {
  DEMAND_LAYERS,
  type DemandGrid,
  type DemandLayer,
  type DemandNodeRef,
  type TimeGrain,
  useDemandActions,
  useDemandChildren,
  useDemandEdits,
  useDemandGrid,
  usePlanVersions,
} from "../api/demand";
import type { DemandException } from "../api/demand-exceptions";
import { apiUrl } from "../api/http";
import { useMe, useWorkspace } from "../api/queries";
import type { CompanyCurrency } from "../api/types";
import { CommentsPanel } from "../components/comments-panel";
import { DemandExceptionsPanel } from "../components/demand-exceptions-panel";
import { DemandGridTable } from "../components/demand-grid";
import { demandLines, keyOf, nodeOfKey } from "../components/demand-lines";
import { planPaste } from "../components/demand-paste";
import { DemandRowChart } from "../components/demand-row-chart";
import { LAYER_LABELS, type RowContext } from "../components/demand-rows";
import { DemandSensingPanel } from "../components/demand-sensing-panel";
import { type Notice, NoticeBox, noticeOf } from "../components/edit-notice";
import { PageHeader } from "../components/page-header";
import { PromotionsPanel } from "../components/promotions-panel";
import { ErrorMessage, Loading } from "../components/query-state";
import { RevenuePlanPanel } from "../components/revenue-plan-panel";
import { formatPeriod } from "../format/dates";
import { parseCellEdit } from "../format/edit-input";
import { formatQuantity } from "../format/numbers";

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

/** How far ahead the grid looks; 12 months is the server's default, so it sends no `to`. */
const HORIZONS = [12, 18, 24] as const;

const BASES = [
  { value: "current", label: "Current split" },
  { value: "statistical", label: "Statistical forecast" },
  { value: "history", label: "Same month last year" },
  { value: "even", label: "Evenly" },
] as const;

export function DemandReviewPage() {
  const me = useMe();
  const workspace = useWorkspace();
  const versions = usePlanVersions();
  const [chosenVersion, setChosenVersion] = useState<number | null>(null);
  // A scenario's demand is reviewed through its changes, not edited cell by cell here.
  const demandVersions = (versions.data ?? []).filter((v) => v.kind === "demand" && !v.overlayOf);
  const versionId =
    chosenVersion ?? demandVersions.find((v) => v.status === "draft")?.id ?? demandVersions[0]?.id ?? null;
  // Stay on the version once shown: approving it must not switch the page to another draft.
  useEffect(() => {
    if (chosenVersion === null && versionId !== null) setChosenVersion(versionId);
  }, [chosenVersion, versionId]);
  const from = workspace.data?.company.currentPeriod ?? null;
  const [grain, setGrain] = useState<TimeGrain>("month");
  const [horizon, setHorizon] = useState<number>(12);
  const start = from === null ? null : parsePeriod(from);
  const to = start === null || horizon === 12 ? null : addPeriods(start, horizon - 1);
  const root = useDemandGrid(versionId, { kind: "all", code: null }, from, grain, to);
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
          <div className="toolbar demand-toolbar">
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
            <label className="field">
              <span className="field-label">Columns</span>
              <select
                className="input"
                data-testid="demand-grain"
                value={grain}
                onChange={(event) => setGrain(event.target.value as TimeGrain)}
              >
                <option value="month">Months</option>
                <option value="quarter">Quarters</option>
                <option value="year">Years</option>
              </select>
            </label>
            <label className="field">
              <span className="field-label">Horizon</span>
              <select
                className="input"
                data-testid="demand-horizon"
                value={horizon}
                onChange={(event) => setHorizon(Number(event.target.value))}
              >
                {HORIZONS.map((months) => (
                  <option key={months} value={months}>
                    {`${months} months`}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {root.isPending ? <Loading /> : null}
          {root.isError ? <ErrorMessage error={root.error} /> : null}
          {root.data && role ? (
            <>
              <DemandReview
                grid={root.data}
                to={to}
                role={role}
                username={me.data?.username ?? ""}
                currency={workspace.data?.company.currency ?? { code: "EUR", minorDigits: 2 }}
              />
              <PromotionsPanel
                versionId={root.data.versionId}
                currency={workspace.data?.company.currency ?? { code: "EUR", minorDigits: 2 }}
                canApply={
                  root.data.status === "draft" &&
                  canEditDemandLayer(role, "demand.marketing") &&
                  canEditDemandLayer(role, "demand.product")
                }
              />
            </>
          ) : null}
          <DemandSensingPanel versionId={versionId} />
        </>
      )}
    </div>
  );
}

/** The row the review looks at: a node and its name (an exception's SKU may not be on screen yet). */
type SelectedNode = DemandNodeRef & { readonly name: string };

function DemandReview({
  grid,
  to,
  role,
  username,
  currency,
}: {
  grid: DemandGrid;
  /** The last month asked for, so expanded rows read the same months as the top. */
  to: string | null;
  role: Role;
  username: string;
  currency: CompanyCurrency;
}) {
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
  const [selectedRow, setSelectedRow] = useState<SelectedNode>(grid.rows[0]!);
  const selected = keyOf(selectedRow);
  const [reveal, setReveal] = useState<{ readonly key: string } | null>(null);
  // An exception opens its SKU: every group above it expanded, its row selected and scrolled to.
  const openException = async (exception: DemandException) => {
    try {
      const path = await fetchHierarchyPath(exception.sku);
      setExpanded(
        (open) =>
          new Set([...open, "all:", ...path.filter((s) => s.kind === "group").map((s) => `group:${s.code}`)]),
      );
      const node = { kind: "item", code: exception.sku, name: exception.name } as const;
      setSelectedRow(node);
      setReveal({ key: keyOf(node) });
    } catch (error) {
      fail(error);
    }
  };
  const [notice, setNotice] = useState<Notice | null>(null);
  const actions = useDemandActions(grid.versionId);
  const edits = useDemandEdits(grid.versionId);
  const draft = grid.status === "draft";
  const canEdit = draft && editableLayers.includes(layer);
  const lastEdit = edits.data?.find((e) => e.user === username && e.undoneBy === null && e.kind !== "undo");
  const fail = (error: unknown) => setNotice(noticeOf(error));

  // Every open node's children, whether or not its row is in view: the grid is one list of lines.
  const children = useDemandChildren(
    grid.versionId,
    [...expanded].filter((key) => key !== "all:").map((key) => ({ ...nodeOfKey(key), key })),
    grid.periods[0] ?? null,
    grid.grain,
    to,
  );
  const lines = demandLines(grid.rows, expanded, selected, (key) => children.get(key));
  const cells = {
    rows: lines.nodes.length,
    cols: grid.buckets.length,
    editable: (row: number, col: number) => canEdit && !(lines.nodes[row]?.row.locked[layer]?.[col] ?? false),
  };

  const context: Omit<RowContext, "move"> = {
    grid,
    layer,
    canEdit,
    expanded,
    selected,
    edits: edits.data ?? [],
    toggle: (key) =>
      setExpanded((open) => {
        const next = new Set(open);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    select: setSelectedRow,
    commit: (row, index, text) => {
      const edit = parseCellEdit(text);
      const bucket = grid.buckets[index]!;
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
          bucket,
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
              text: `${row.name}, ${formatPeriod(bucket.bucket)}: ${formatQuantity(o.before, 0)} → ${formatQuantity(o.after, 0)} (${o.changed} SKU cell${o.changed === 1 ? "" : "s"} changed)`,
            }),
          onError: fail,
        },
      );
    },
    paste: (text, at) => {
      const plan = planPaste({ ...cells, nodes: lines.nodes.map((n) => n.row) }, at, text, grid.buckets);
      if (!plan.ok) {
        setNotice({ tone: "error", text: plan.message });
        return;
      }
      actions.paste.mutate(
        { measure: layer, cells: plan.cells, basis, reason, comment, expectedRevision: grid.revision },
        {
          onSuccess: (o) =>
            setNotice({
              tone: "ok",
              text: `Pasted ${o.edits.length} figure${o.edits.length === 1 ? "" : "s"} (${o.changed} SKU cell${o.changed === 1 ? "" : "s"} changed); each is its own edit to undo`,
            }),
          onError: fail,
        },
      );
    },
    toggleLock: (row, index, locked) =>
      actions.lock.mutate(
        { measure: layer, node: row, bucket: grid.buckets[index]!, locked: !locked },
        { onError: fail },
      ),
  };

  const exportUrl = apiUrl(`/plans/versions/${grid.versionId}/demand.xlsx`, {
    node: selectedRow.code,
    nodeKind: selectedRow.code ? selectedRow.kind : null,
    from: grid.buckets[0]?.from,
    to: grid.buckets.at(-1)?.to,
    grain: grid.grain,
  });
  return (
    <>
      <div className="toolbar demand-toolbar">
        <a className="button button-quiet" href={exportUrl} download data-testid="demand-export">
          Export the selected row's view to Excel
        </a>
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
      <DemandGridTable grid={grid} lines={lines} cells={cells} context={context} reveal={reveal} />
      <DemandRowChart
        versionId={grid.versionId}
        node={selectedRow}
        name={selectedRow.name}
        from={grid.periods[0] ?? null}
      />
      <RevenuePlanPanel
        versionId={grid.versionId}
        node={{ kind: selectedRow.kind, code: selectedRow.code ?? "", name: selectedRow.name }}
      />
      <CommentsPanel
        versionId={grid.versionId}
        node={selectedRow}
        nodeName={selectedRow.name}
        periods={grid.periods}
      />
      <DemandExceptionsPanel versionId={grid.versionId} currency={currency} onOpen={openException} />
    </>
  );
}
