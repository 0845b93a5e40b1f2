// ABC–XYZ segmentation: which SKUs carry the value (ABC by revenue or margin) and how steady their
// demand is (XYZ by the coefficient of variation), the 3 × 3 matrix, and service-level targets set
// per class and handed to inventory planning as service-level targets per SKU.

import { canSetServiceTargets } from "@fulcrum/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { request } from "../api/http";
import { useMe } from "../api/queries";
import { PageHeader } from "../components/page-header";
import { Panel } from "../components/panel";
import { ErrorMessage, Loading } from "../components/query-state";
import { formatPeriod } from "../format/dates";
import { formatCount, formatPercentFigure, formatQuantity } from "../format/numbers";

const CLASSES = ["AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ"] as const;
type AbcXyzClass = (typeof CLASSES)[number];

interface Segmentation {
  readonly by: "revenue" | "margin";
  readonly from: string;
  readonly to: string;
  readonly items: readonly {
    key: string;
    name: string;
    family: string | null;
    value: number;
    share: number;
    cv: number | null;
    class: AbcXyzClass;
    targetPct: number | null;
  }[];
  readonly matrix: readonly { class: AbcXyzClass; items: number; share: number }[];
  readonly defaultTargets: Readonly<Record<AbcXyzClass, number>>;
}

export function SegmentationPage() {
  const me = useMe();
  const client = useQueryClient();
  const [by, setBy] = useState<"revenue" | "margin">("revenue");
  const segmentation = useQuery({
    queryKey: ["demand", "segmentation", by],
    queryFn: () => request<Segmentation>("/demand/segmentation", { query: { by } }),
  });
  const [targets, setTargets] = useState<Record<AbcXyzClass, number> | null>(null);
  useEffect(() => {
    if (segmentation.data && targets === null) setTargets({ ...segmentation.data.defaultTargets });
  }, [segmentation.data, targets]);
  const apply = useMutation({
    mutationFn: (body: { by: string; targets: Record<AbcXyzClass, number> }) =>
      request<{ rows: number; inserted: number; updated: number }>("/demand/segmentation/targets", {
        method: "POST",
        body: JSON.stringify(body),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["demand", "segmentation"] }),
  });
  const editable = !!me.data && canSetServiceTargets(me.data.role);
  return (
    <div className="page" data-testid="segmentation-page">
      <PageHeader
        eyebrow={<Link to="/demand">Demand</Link>}
        title="ABC–XYZ segmentation"
        description="Value and variability of every SKU over the last twelve closed months, and the service level each class is planned to."
        actions={
          <label className="field">
            <span className="field-label">ABC by</span>
            <select
              className="input input-small"
              value={by}
              onChange={(event) => setBy(event.target.value as "revenue" | "margin")}
              data-testid="segmentation-by"
            >
              <option value="revenue">Revenue</option>
              <option value="margin">Margin</option>
            </select>
          </label>
        }
      />
      {segmentation.isPending ? <Loading /> : null}
      {segmentation.isError ? <ErrorMessage error={segmentation.error} /> : null}
      {segmentation.data && targets ? (
        <>
          <Panel
            title="Matrix"
            subtitle={`${formatPeriod(segmentation.data.from)}–${formatPeriod(segmentation.data.to)}: A = the SKUs making the first 80 % of ${by}, B the next 15 %; X = coefficient of variation of monthly demand up to 0.5, Y up to 1, Z above. Each cell: SKUs, share of ${by}, target service level.`}
          >
            <table
              className="grid grid-plain abc-matrix"
              aria-label="ABC–XYZ matrix"
              data-testid="abc-matrix"
            >
              <thead>
                <tr>
                  <th scope="col" />
                  {(["X", "Y", "Z"] as const).map((x) => (
                    <th scope="col" key={x} className="align-right">
                      {x}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(["A", "B", "C"] as const).map((a) => (
                  <tr key={a}>
                    <th scope="row">{a}</th>
                    {(["X", "Y", "Z"] as const).map((x) => {
                      const cls = `${a}${x}` as AbcXyzClass;
                      const cell = segmentation.data.matrix.find((m) => m.class === cls);
                      return (
                        <td key={cls} className="align-right" data-class={cls}>
                          <div className="num">{formatCount(cell?.items ?? 0)} SKUs</div>
                          <div className="muted num">{formatPercentFigure(100 * (cell?.share ?? 0))} %</div>
                          <input
                            className="input input-small"
                            type="number"
                            min={50}
                            max={99.99}
                            step={0.5}
                            disabled={!editable}
                            aria-label={`Target service level of ${cls}`}
                            value={targets[cls]}
                            onChange={(event) =>
                              setTargets({ ...targets, [cls]: Number(event.target.value) })
                            }
                          />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            {editable ? (
              <div className="toolbar">
                <button
                  type="button"
                  className="button button-primary"
                  disabled={apply.isPending}
                  onClick={() => apply.mutate({ by, targets })}
                  data-testid="segmentation-apply"
                >
                  Set these service levels for every SKU
                </button>
                {apply.data ? (
                  <span className="muted" data-testid="segmentation-applied">
                    {formatCount(apply.data.rows)} targets imported ({formatCount(apply.data.inserted)} new,{" "}
                    {formatCount(apply.data.updated)} changed); the next supply run plans safety stock on
                    them.
                  </span>
                ) : null}
              </div>
            ) : null}
            {apply.error ? <ErrorMessage error={apply.error} title="The targets were not set" /> : null}
          </Panel>
          <Panel title="SKUs" subtitle={`By ${by}, highest first`} flush>
            <table className="grid grid-plain" aria-label="SKUs by class" data-testid="segmentation-skus">
              <thead>
                <tr>
                  <th scope="col">SKU</th>
                  <th scope="col">Family</th>
                  <th scope="col">Class</th>
                  <th scope="col" className="align-right">
                    Share %
                  </th>
                  <th scope="col" className="align-right">
                    CV
                  </th>
                  <th scope="col" className="align-right">
                    Target in force %
                  </th>
                </tr>
              </thead>
              <tbody>
                {segmentation.data.items.map((i) => (
                  <tr key={i.key}>
                    <th scope="row">
                      <span className="code">{i.key}</span> {i.name}
                    </th>
                    <td>{i.family}</td>
                    <td>{i.class}</td>
                    <td className="align-right num">{formatPercentFigure(100 * i.share)}</td>
                    <td className="align-right num">{i.cv === null ? "–" : formatQuantity(i.cv, 2, 2)}</td>
                    <td className="align-right num">
                      {i.targetPct === null ? "–" : formatQuantity(i.targetPct, 1)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Panel>
        </>
      ) : null}
    </div>
  );
}
