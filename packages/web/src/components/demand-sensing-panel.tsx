// Demand sensing of the version's first three months: how much of a month is usually on the books
// before it starts, how far the books are trusted over the statistical forecast (learned from past
// cycles), how much that blend improved accuracy on cycles it did not learn from, and the result.

import { useQuery } from "@tanstack/react-query";
import { request } from "../api/http";
import { formatPeriod } from "../format/dates";
import { formatCount, formatQuantity } from "../format/numbers";
import { Panel } from "./panel";
import { ErrorMessage, Loading } from "./query-state";

interface Month {
  readonly period: string;
  readonly forecast: number;
  readonly booked: number;
  readonly sensed: number;
}

export interface DemandSensing {
  readonly cycle: string;
  readonly scores: readonly {
    horizon: number;
    model: { bookedShare: number; weight: number };
    cycles: number;
    wapeForecast: number | null;
    wapeSensed: number | null;
  }[];
  readonly months: readonly Month[];
}

const pct = (v: number | null) => (v === null ? "–" : formatQuantity(v, 1, 1));

export function DemandSensingPanel({ versionId }: { versionId: number }) {
  const sensing = useQuery({
    queryKey: ["demand", versionId, "sensing"],
    queryFn: () => request<DemandSensing>(`/plans/versions/${versionId}/sensing`),
  });
  return (
    <Panel
      title="Demand sensing"
      subtitle="The next three months, blending the statistical forecast with the orders on the books when the cycle began; weights learned from past cycles, scored on cycles left out"
      testId="demand-sensing"
    >
      {sensing.isPending ? <Loading /> : null}
      {sensing.isError ? <ErrorMessage error={sensing.error} /> : null}
      {sensing.data ? (
        <table className="grid grid-plain" aria-label="Demand sensing">
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" className="align-right">
                Statistical
              </th>
              <th scope="col" className="align-right">
                On the books
              </th>
              <th scope="col" className="align-right">
                Sensed
              </th>
              <th scope="col" className="align-right">
                Usually booked %
              </th>
              <th scope="col" className="align-right">
                Weight of the books
              </th>
              <th scope="col" className="align-right">
                WAPE statistical → sensed %
              </th>
            </tr>
          </thead>
          <tbody>
            {sensing.data.months.map((m, i) => {
              const score = sensing.data.scores[i];
              return (
                <tr key={m.period} data-period={m.period}>
                  <th scope="row">{formatPeriod(m.period)}</th>
                  <td className="align-right num">{formatCount(m.forecast)}</td>
                  <td className="align-right num">{formatCount(m.booked)}</td>
                  <td className="align-right num">{formatCount(m.sensed)}</td>
                  <td className="align-right num">
                    {score ? formatQuantity(100 * score.model.bookedShare, 1, 1) : "–"}
                  </td>
                  <td className="align-right num">
                    {score ? formatQuantity(score.model.weight, 2, 2) : "–"}
                  </td>
                  <td className="align-right num">
                    {score && score.cycles > 1
                      ? `${pct(score.wapeForecast)} → ${pct(score.wapeSensed)}`
                      : "too few cycles"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </Panel>
  );
}
