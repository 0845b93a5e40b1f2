// "Promotions and transitions" on the demand review: the promotions that touch the version's
// months laid out as a calendar (the share of each month a promotion runs, and the month its dip
// falls in) with their uplift, discount and computed effect in units and revenue; and the product
// transitions with the ramp the product layer follows. The demand planner can re-apply them after
// importing new promotions; that is recorded as audited edits (reason promotion / transition).

import { useState } from "react";
import {
  type PromotionEntry,
  type TransitionEntry,
  useApplyPromotions,
  usePromotionCalendar,
} from "../api/promotions";
import type { CompanyCurrency } from "../api/types";
import { formatDate, formatPeriod } from "../format/dates";
import { formatMoneyRounded, formatPercent, formatQuantity } from "../format/numbers";
import { type Notice, NoticeBox, noticeOf } from "./edit-notice";
import { Num } from "./num";
import { Panel } from "./panel";
import { ErrorMessage, Loading } from "./query-state";
import { Tag } from "./tag";

const KIND_LABELS: Record<TransitionEntry["kind"], string> = {
  launch: "Launch",
  phase_out: "Phase-out",
  supersession: "Supersession",
};

export function PromotionsPanel({
  versionId,
  currency,
  canApply,
}: {
  versionId: number;
  currency: CompanyCurrency;
  /** The demand planner on a draft version. */
  canApply: boolean;
}) {
  const calendar = usePromotionCalendar(versionId);
  const apply = useApplyPromotions(versionId);
  const [notice, setNotice] = useState<Notice | null>(null);
  const actions = canApply ? (
    <button
      type="button"
      className="button"
      data-testid="promotions-apply"
      disabled={apply.isPending}
      onClick={() =>
        apply.mutate(undefined, {
          onSuccess: (o) => {
            const cells = o.edits.reduce((a, e) => a + e.changed, 0);
            setNotice({
              tone: "ok",
              text:
                cells === 0
                  ? "Promotions and transitions are up to date: nothing changed"
                  : `Promotions and transitions applied: ${cells} cell${cells === 1 ? "" : "s"} changed in ${o.edits.length} audited edit${o.edits.length === 1 ? "" : "s"}`,
            });
          },
          onError: (error) => setNotice(noticeOf(error)),
        })
      }
    >
      Re-apply promotions and transitions
    </button>
  ) : null;
  return (
    <Panel
      title="Promotions and transitions"
      subtitle="Uplift goes to the marketing layer; cannibalised sisters, post-promotion dips and lifecycle ramps to the product layer."
      actions={actions}
      testId="promotions-panel"
    >
      {notice ? <NoticeBox notice={notice} /> : null}
      {calendar.isPending ? <Loading /> : null}
      {calendar.isError ? <ErrorMessage error={calendar.error} /> : null}
      {calendar.data ? (
        <>
          <PromotionTable
            periods={calendar.data.periods}
            promotions={calendar.data.promotions}
            currency={currency}
          />
          <TransitionTable periods={calendar.data.periods} transitions={calendar.data.transitions} />
        </>
      ) : null}
    </Panel>
  );
}

function PromotionTable({
  periods,
  promotions,
  currency,
}: {
  periods: readonly string[];
  promotions: readonly PromotionEntry[];
  currency: CompanyCurrency;
}) {
  if (promotions.length === 0)
    return (
      <p className="muted" data-testid="promotions-empty">
        No promotion touches these months.
      </p>
    );
  const units = (value: number) => <Num unit="EA">{formatQuantity(value, 0)}</Num>;
  return (
    <div className="grid-scroll">
      <table className="grid" aria-label="Promotions by month" data-testid="promotions-table">
        <thead>
          <tr>
            <th scope="col">Promotion</th>
            <th scope="col">SKU or family</th>
            <th scope="col">Segment</th>
            <th scope="col">Dates</th>
            {periods.map((p) => (
              <th key={p} scope="col" className="align-right">
                {formatPeriod(p)}
              </th>
            ))}
            <th scope="col" className="align-right">
              Uplift
            </th>
            <th scope="col" className="align-right">
              Discount
            </th>
            <th scope="col" className="align-right">
              Extra units
            </th>
            <th scope="col" className="align-right">
              From sisters
            </th>
            <th scope="col" className="align-right">
              Dip
            </th>
            <th scope="col" className="align-right">
              Revenue ({currency.code})
            </th>
            <th scope="col" className="align-right">
              Incremental ({currency.code})
            </th>
          </tr>
        </thead>
        <tbody>
          {promotions.map((p) => {
            const share = new Map(p.months.map((m) => [m.period, m.share]));
            return (
              <tr key={p.code} data-testid={`promotion-${p.code}`}>
                <th scope="row">
                  {p.name}
                  <span className="muted"> {p.code}</span>
                </th>
                <td>{p.sku ?? p.group}</td>
                <td>{p.segment ?? "All"}</td>
                <td>
                  {formatDate(p.start)} – {formatDate(p.end)}
                </td>
                {periods.map((period) => (
                  <td key={period} className="align-right">
                    {share.has(period) ? (
                      <Tag tone="success" title="Share of the month's days on promotion">
                        {formatPercent(100 * share.get(period)!, 0)}
                      </Tag>
                    ) : p.dipPeriod === period ? (
                      <Tag tone="warning" title="Post-promotion dip, in percent of the month's baseline">
                        dip {formatPercent(p.postDipPct ?? 0, 0)}
                      </Tag>
                    ) : null}
                  </td>
                ))}
                <td className="align-right">
                  <Num>{formatPercent(p.upliftPct, 0)}</Num>
                  {p.upliftUnits ? (
                    <span className="muted"> + {formatQuantity(p.upliftUnits, 0)} EA</span>
                  ) : null}
                </td>
                <td className="align-right">
                  <Num>{formatPercent(p.discountPct, 0)}</Num>
                </td>
                <td className="align-right">{units(p.effect.uplift)}</td>
                <td className="align-right">{units(-p.effect.cannibalised)}</td>
                <td className="align-right">{units(-p.effect.dip)}</td>
                <td className="align-right">
                  <Num>{formatMoneyRounded(p.effect.revenue, currency)}</Num>
                </td>
                <td className="align-right">
                  <Num negative={p.effect.incrementalRevenue < 0}>
                    {formatMoneyRounded(p.effect.incrementalRevenue, currency)}
                  </Num>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function TransitionTable({
  periods,
  transitions,
}: {
  periods: readonly string[];
  transitions: readonly TransitionEntry[];
}) {
  if (transitions.length === 0)
    return (
      <p className="muted" data-testid="transitions-empty">
        No product transitions.
      </p>
    );
  return (
    <div className="grid-scroll">
      <table className="grid" aria-label="Product transitions by month" data-testid="transitions-table">
        <thead>
          <tr>
            <th scope="col">Transition</th>
            <th scope="col">SKU</th>
            <th scope="col">From SKU</th>
            {periods.map((p) => (
              <th key={p} scope="col" className="align-right">
                {formatPeriod(p)}
              </th>
            ))}
            <th scope="col" className="align-right">
              Units before
            </th>
            <th scope="col" className="align-right">
              Units after
            </th>
          </tr>
        </thead>
        <tbody>
          {transitions.map((t) => {
            const factor = new Map(t.months.map((m) => [m.period, m.factor]));
            return (
              <tr key={`${t.kind}-${t.sku}`} data-testid={`transition-${t.sku}`}>
                <th scope="row">{KIND_LABELS[t.kind]}</th>
                <td>{t.sku}</td>
                <td>{t.predecessor ?? "–"}</td>
                {periods.map((period) => (
                  <td
                    key={period}
                    className="align-right"
                    title={
                      t.kind === "launch"
                        ? "Share of the month on sale"
                        : t.kind === "phase_out"
                          ? "Share of the forecast still sold"
                          : "Share still sold as the old SKU"
                    }
                  >
                    <Num>{formatPercent(100 * (factor.get(period) ?? 0), 0)}</Num>
                  </td>
                ))}
                <td className="align-right">
                  <Num unit="EA">{formatQuantity(t.before, 0)}</Num>
                </td>
                <td className="align-right">
                  <Num unit="EA">{formatQuantity(t.after, 0)}</Num>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
