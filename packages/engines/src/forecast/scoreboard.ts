// Summarises backtest results into the scoreboard the UI shows to explain a method choice.

import { seasonalNaiveScale } from "../accuracy/mase";
import type { BacktestResults } from "./backtest";
import type { MethodName, ScoreboardEntry } from "./forecast-types";

/**
 * One entry per method with at least one backtest row, sorted by MAE (best first): MAE, RMSE and
 * bias over every origin and step, and MASE against the full history's in-sample seasonal-naive
 * error (lag m, or 1 when the history is shorter than m + 1). MASE is Infinity for a flat history.
 */
export function buildScoreboard(
  results: BacktestResults,
  history: readonly number[],
  period: number,
  chosen: MethodName | null,
): ScoreboardEntry[] {
  const lag = history.length > period ? period : 1;
  const scale = history.length > lag ? seasonalNaiveScale(history, lag) : 0;
  const entries: ScoreboardEntry[] = [];
  for (const [method, rows] of results) {
    let absolute = 0;
    let squared = 0;
    let signed = 0;
    let count = 0;
    for (const row of rows) {
      row.actual.forEach((a, j) => {
        const error = row.forecast[j]! - a;
        absolute += Math.abs(error);
        squared += error * error;
        signed += error;
        count++;
      });
    }
    if (count === 0) continue;
    const mae = absolute / count;
    entries.push({
      method,
      mae,
      rmse: Math.sqrt(squared / count),
      bias: signed / count,
      mase: scale > 0 ? mae / scale : mae === 0 ? 0 : Number.POSITIVE_INFINITY,
      origins: rows.length,
      chosen: method === chosen,
    });
  }
  return entries.sort((a, b) => a.mae - b.mae);
}
