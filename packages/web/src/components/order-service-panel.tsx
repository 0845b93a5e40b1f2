// How customers' orders were served over the closed months: unit and line fill rate, on time in
// full, cancelled orders — in total, month by month and by segment, with their definitions.

import type { OrderService, OrderServiceReport } from "../api/monitoring";
import { formatPeriod } from "../format/dates";
import { formatCount, formatPercentFigure } from "../format/numbers";
import { Panel } from "./panel";
import { Stat } from "./stat";

const pct = (share: number | null) => (share === null ? "–" : formatPercentFigure(100 * share));

export function OrderServicePanel({ report }: { report: OrderServiceReport }) {
  const { total } = report;
  return (
    <Panel
      title="Order service"
      subtitle={`${formatPeriod(report.from)}–${formatPeriod(report.to)}, by the month customers asked for`}
      testId="order-service"
    >
      {total ? (
        <div className="stats stats-boxed" data-testid="order-service-stats">
          <Stat
            label="Unit fill rate"
            value={pct(total.unitFillRate)}
            unit="%"
            hint="Σ min(delivered, requested) ÷ Σ requested"
          />
          <Stat
            label="Line fill rate"
            value={pct(total.lineFillRate)}
            unit="%"
            hint="lines delivered in full"
          />
          <Stat label="OTIF" value={pct(total.otif)} unit="%" hint="lines in full by the requested date" />
          <Stat
            label="Cancelled"
            value={pct(total.cancelledShare)}
            unit="%"
            hint={`${formatCount(total.cancelledUnits)} units on ${formatCount(total.cancelledLines)} of ${formatCount(total.lines)} lines`}
          />
        </div>
      ) : (
        <p className="muted">No orders in these months.</p>
      )}
      <div className="supply-columns">
        <ServiceTable
          title="By month"
          rows={report.byMonth}
          label={formatPeriod}
          testId="order-service-months"
        />
        <ServiceTable
          title="By segment"
          rows={report.bySegment}
          label={(k) => k}
          testId="order-service-segments"
        />
      </div>
    </Panel>
  );
}

function ServiceTable({
  title,
  rows,
  label,
  testId,
}: {
  title: string;
  rows: readonly OrderService[];
  label: (key: string) => string;
  testId: string;
}) {
  return (
    <div>
      <h3 className="panel-subhead">{title}</h3>
      <table
        className="grid grid-plain"
        aria-label={`Order service ${title.toLowerCase()}`}
        data-testid={testId}
      >
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col" className="align-right">
              Lines
            </th>
            <th scope="col" className="align-right">
              Unit fill %
            </th>
            <th scope="col" className="align-right">
              Line fill %
            </th>
            <th scope="col" className="align-right">
              OTIF %
            </th>
            <th scope="col" className="align-right">
              Cancelled %
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <th scope="row">{label(r.key)}</th>
              <td className="align-right num">{formatCount(r.lines)}</td>
              <td className="align-right num">{pct(r.unitFillRate)}</td>
              <td className="align-right num">{pct(r.lineFillRate)}</td>
              <td className="align-right num">{pct(r.otif)}</td>
              <td className="align-right num">{pct(r.cancelledShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
