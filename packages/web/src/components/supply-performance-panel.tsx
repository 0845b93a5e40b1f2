// How the supply plan was carried out, once months have closed and their actuals are in:
// production plan attainment (mix by SKU, volume by plant, hours by resource) and inventory
// versus plan, each month against the plan that was in force for it. Definitions sit beside the
// figures so that nobody has to guess what a percentage means.

import type { Attainment, StockStatus, SupplyKpis } from "../api/monitoring";
import type { CompanyCurrency } from "../api/types";
import { formatPeriod } from "../format/dates";
import { formatCount, formatMoneyRounded, formatPercentFigure } from "../format/numbers";
import { Panel } from "./panel";
import { Stat } from "./stat";
import { Tag, type TagTone } from "./tag";

/** Attainment at or above this is on target; below the second it is an exception. */
const TARGET = 0.95;
const EXCEPTION = 0.85;

const STATUS: Record<StockStatus, { label: string; tone: TagTone }> = {
  "below-safety-stock": { label: "below safety stock", tone: "danger" },
  "below-target": { label: "below target", tone: "warning" },
  "on-target": { label: "on target", tone: "success" },
  "above-target": { label: "above target", tone: "warning" },
};

const percent = (share: number | null) => (share === null ? "–" : formatPercentFigure(100 * share));
const tone = (share: number | null): TagTone =>
  share === null ? "neutral" : share >= TARGET ? "success" : share >= EXCEPTION ? "warning" : "danger";

export function SupplyPerformancePanel({ kpis, currency }: { kpis: SupplyKpis; currency: CompanyCurrency }) {
  const measured = kpis.plans.filter((p) => p.versionId !== null);
  const range = `${formatPeriod(kpis.from)}–${formatPeriod(kpis.to)}`;
  const band = formatPercentFigure(100 * kpis.tolerance, 0);
  if (measured.length === 0)
    return (
      <Panel title="Supply plan performance" subtitle={range} testId="supply-performance">
        <p className="muted" data-testid="supply-performance-empty">
          No supply plan was in force for these months. Attainment and inventory versus plan are measured from
          the first month a supply plan covers, once it has closed and its production actuals and stock counts
          are imported.
        </p>
      </Panel>
    );
  const { total } = kpis.attainment;
  const stock = kpis.inventory.total;
  return (
    <Panel
      title="Supply plan performance"
      subtitle={`${range}: ${measured.length} month${measured.length === 1 ? "" : "s"} measured, each against the plan in force for it`}
      testId="supply-performance"
    >
      <div className="stats stats-boxed" data-testid="supply-performance-stats">
        <Stat
          label="Plan attainment"
          value={percent(total.attainment)}
          unit="%"
          hint={`Σ min(made, planned) ÷ Σ planned, SKU by SKU · target ${formatPercentFigure(100 * TARGET, 0)} %`}
        />
        <Stat
          label="On plan"
          value={percent(total.withinTolerance)}
          unit="%"
          hint={`SKU-months made within ±${band} % of plan`}
        />
        <Stat
          label="Stock vs plan"
          value={formatMoneyRounded(stock.deviationValue, currency)}
          unit={currency.code}
          hint={`${formatMoneyRounded(stock.actualValue, currency)} held against ${formatMoneyRounded(stock.plannedValue, currency)} planned, at standard cost, on average at a month's end`}
        />
        <Stat
          label="Below safety stock"
          value={formatCount(stock.belowSafetyStock)}
          hint={`of ${formatCount(kpis.inventory.positions)} counted positions`}
        />
      </div>
      <div className="supply-columns">
        <AttainmentTable
          title="By plant (volume)"
          unit="units"
          rows={kpis.attainment.byPlant}
          testId="attainment-plants"
        />
        <AttainmentTable
          title="By resource (hours)"
          unit="h"
          rows={kpis.attainment.byResource}
          testId="attainment-resources"
        />
      </div>
      <AttainmentTable
        title="SKUs furthest below plan"
        unit="units"
        rows={kpis.attainment.bySku.slice(0, 10)}
        testId="attainment-skus"
      />
      <h3 className="panel-subhead">Inventory versus plan, largest differences in value first</h3>
      <table className="grid grid-plain" aria-label="Inventory versus plan" data-testid="inventory-vs-plan">
        <thead>
          <tr>
            <th scope="col">Stock position</th>
            <th scope="col">Month</th>
            <th scope="col" className="align-right">
              Vs plan (units)
            </th>
            <th scope="col" className="align-right">
              Vs plan ({currency.code})
            </th>
            <th scope="col" className="align-right">
              Cover (days)
            </th>
            <th scope="col" className="align-right">
              Planned cover
            </th>
            <th scope="col">Against target</th>
          </tr>
        </thead>
        <tbody>
          {kpis.inventory.rows.slice(0, 20).map((r) => (
            <tr key={`${r.key}/${r.period}`}>
              <td className="code">{r.key}</td>
              <td>{formatPeriod(r.period)}</td>
              <td className="align-right num">{formatCount(r.deviation)}</td>
              <td className="align-right num">{formatMoneyRounded(r.deviationValue, currency)}</td>
              <td className="align-right num">{r.coverDays === null ? "–" : formatCount(r.coverDays)}</td>
              <td className="align-right num">
                {r.plannedCoverDays === null ? "–" : formatCount(r.plannedCoverDays)}
              </td>
              <td>
                <Tag tone={STATUS[r.status].tone}>{STATUS[r.status].label}</Tag>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Stock is the last count in each month against the plan's projected closing stock, for the positions
        the plan carries; on target means within ±{band} % of target stock (safety stock plus cycle stock).
        Cover counts the days of the plan's later demand the stock would serve; “–” where no demand follows.
      </p>
    </Panel>
  );
}

function AttainmentTable({
  title,
  unit,
  rows,
  testId,
}: {
  title: string;
  unit: string;
  rows: readonly Attainment[];
  testId: string;
}) {
  return (
    <div>
      <h3 className="panel-subhead">{title}</h3>
      <table className="grid grid-plain" aria-label={title} data-testid={testId}>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col" className="align-right">
              Planned ({unit})
            </th>
            <th scope="col" className="align-right">
              Made ({unit})
            </th>
            <th scope="col" className="align-right">
              Attainment
            </th>
            <th scope="col" className="align-right">
              Months on plan
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key ?? "total"} data-key={r.key ?? undefined}>
              <th scope="row" className="code">
                {r.key}
              </th>
              <td className="align-right num">{formatCount(r.planned)}</td>
              <td className="align-right num">{formatCount(r.actual)}</td>
              <td className="align-right">
                <Tag tone={tone(r.attainment)}>{percent(r.attainment)} %</Tag>
              </td>
              <td className="align-right num">{percent(r.withinTolerance)} %</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
