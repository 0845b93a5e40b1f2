// Words for the statistical forecast: method and level names as a planner reads them, and the
// plain-language reason a series got its model, derived from the scoreboard that decided it.

import type { ForecastLevel, SeriesModel } from "../api/types";

const METHOD_LABELS: Record<string, string> = {
  naive: "Naive",
  "seasonal-naive": "Seasonal naive",
  naive2: "Naive2",
  drift: "Drift",
  ses: "SES",
  theta: "Theta",
  "optimised-theta": "Optimised Theta",
  "dynamic-theta": "Dynamic optimised Theta",
  ets: "ETS",
  combination: "Combination",
  "weighted-combination": "Weighted combination",
  croston: "Croston",
  sba: "SBA",
  tsb: "TSB",
  adida: "ADIDA",
};

export function methodLabel(method: string): string {
  return METHOD_LABELS[method] ?? method;
}

export const LEVEL_LABELS: Record<ForecastLevel, string> = {
  sku: "SKU",
  "sku-location": "SKU × location",
  "sku-segment": "SKU × segment",
};

/** Why this series has its model, in one or two sentences. */
export function explainModel(model: SeriesModel): string {
  if (model.model === "zero demand") return "No demand in the history: the forecast is zero.";
  const fallback = model.notes.find((note) => note.startsWith("fell back"));
  if (fallback) return `The preferred method could not be fitted: ${fallback}.`;
  if (model.scoreboard.length === 0)
    return "Too little history to compare methods: naive forecast, the last month carried forward.";
  // Intermittent demand is ranked by RMSE (the mean rate matters), smooth demand by MAE.
  const intermittent = model.demandClass === "intermittent" || model.demandClass === "lumpy";
  const error = intermittent ? "RMSE" : "MAE";
  const score = (e: SeriesModel["scoreboard"][number]) => (intermittent ? e.rmse : e.mae);
  const best = model.scoreboard.reduce((a, b) => (score(b) < score(a) ? b : a));
  const lowest = best.method === model.method;
  const alsoLowest = lowest ? ` It also had the lowest backtest ${error}.` : "";
  if (model.method === "combination") {
    const members = model.model.replace(/^mean of /, "");
    return `Default combination for ${model.demandClass} demand: the mean of ${members}, steadier than betting on any one method.${alsoLowest}`;
  }
  if (model.method === "weighted-combination") {
    const members = model.model.replace(/^weighted /, "");
    return `Default combination for ${model.demandClass} demand: ${members}, each weighted by how closely it fits the history, steadier than betting on any one method.${alsoLowest}`;
  }
  if (lowest)
    return `Chosen because it had the lowest backtest ${error} of the ${model.scoreboard.length} methods tried for ${model.demandClass} demand.`;
  return `Chosen by the default rule for ${model.demandClass} demand.`;
}
