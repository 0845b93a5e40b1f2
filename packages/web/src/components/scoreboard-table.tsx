// The backtest scoreboard of one forecast series: every candidate method's rolling-origin accuracy,
// best MAE first, with the chosen method flagged — the evidence behind the model choice.

import type { ScoreboardEntry } from "../api/types";
import { methodLabel } from "../format/forecast-labels";
import { formatQuantity } from "../format/numbers";
import { Num } from "./num";
import { Tag } from "./tag";

export function ScoreboardTable({
  entries,
  testId,
}: {
  entries: readonly ScoreboardEntry[];
  testId?: string;
}) {
  if (entries.length === 0) return <p className="muted">No backtest: the history was too short.</p>;
  const figure = (v: number | null, digits = 1) => (v === null ? "–" : formatQuantity(v, digits, digits));
  return (
    <div className="grid-scroll">
      <table className="grid grid-plain" aria-label="Backtest scoreboard" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col" className="align-right">
              MAE
            </th>
            <th scope="col" className="align-right">
              RMSE
            </th>
            <th scope="col" className="align-right">
              Bias
            </th>
            <th scope="col" className="align-right">
              MASE
            </th>
            <th scope="col" className="align-right">
              Origins
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.method} className={e.chosen ? "row-chosen" : undefined} data-chosen={e.chosen}>
              <th scope="row">
                {methodLabel(e.method)} {e.chosen ? <Tag tone="success">chosen</Tag> : null}
              </th>
              <td className="align-right">
                <Num>{figure(e.mae)}</Num>
              </td>
              <td className="align-right">
                <Num>{figure(e.rmse)}</Num>
              </td>
              <td className="align-right">
                <Num negative={e.bias < 0}>{figure(e.bias)}</Num>
              </td>
              <td className="align-right">
                <Num>{figure(e.mase, 2)}</Num>
              </td>
              <td className="align-right">
                <Num>{e.origins}</Num>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
