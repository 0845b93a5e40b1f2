import { describe, expect, it } from "vitest";
import type { ScoreboardEntry, SeriesModel } from "../api/types";
import { explainModel, methodLabel } from "./forecast-labels";

const entry = (method: string, mae: number, chosen = false): ScoreboardEntry => ({
  method,
  mae,
  rmse: mae * 1.2,
  bias: 0,
  mase: mae / 10,
  origins: 6,
  chosen,
});

const model = (overrides: Partial<SeriesModel>): SeriesModel => ({
  location: null,
  segment: null,
  method: "combination",
  model: "mean of ETS(M,N,M), Theta",
  demandClass: "smooth",
  notes: [],
  accuracy: null,
  scoreboard: [],
  ...overrides,
});

describe("explainModel", () => {
  it("explains the weighted combination with its members' weights", () => {
    const weighted = model({
      method: "weighted-combination",
      model: "weighted 60 % ETS(M,N,M), 40 % dynamic optimised Theta",
      scoreboard: [entry("ets", 12), entry("weighted-combination", 14, true)],
    });
    expect(explainModel(weighted)).toBe(
      "Default combination for smooth demand: 60 % ETS(M,N,M), 40 % dynamic optimised Theta, each weighted by how closely it fits the history, steadier than betting on any one method.",
    );
  });

  it("judges intermittent demand by RMSE", () => {
    const scoreboard = [
      { ...entry("sba", 12, true), rmse: 20 },
      { ...entry("croston", 10), rmse: 25 },
    ];
    expect(
      explainModel(model({ method: "sba", model: "SBA", demandClass: "intermittent", scoreboard })),
    ).toBe("Chosen because it had the lowest backtest RMSE of the 2 methods tried for intermittent demand.");
  });

  it("names the combination the default for smooth demand, and says when it also won the backtest", () => {
    const scoreboard = [entry("ets", 12), entry("combination", 14, true)];
    expect(explainModel(model({ scoreboard }))).toBe(
      "Default combination for smooth demand: the mean of ETS(M,N,M), Theta, steadier than betting on any one method.",
    );
    const won = [entry("combination", 10, true), entry("ets", 12)];
    expect(explainModel(model({ scoreboard: won }))).toMatch(/It also had the lowest backtest MAE\.$/);
  });

  it("explains a backtest winner by its MAE among the methods tried", () => {
    const scoreboard = [entry("ets", 3, true), entry("theta", 3.5), entry("naive", 5)];
    expect(
      explainModel(model({ method: "ets", model: "ETS(A,N,N)", demandClass: "erratic", scoreboard })),
    ).toBe("Chosen because it had the lowest backtest MAE of the 3 methods tried for erratic demand.");
  });

  it("says when there was too little history or no demand", () => {
    expect(explainModel(model({ method: "naive", model: "naive" }))).toMatch(/^Too little history/);
    expect(explainModel(model({ method: "naive", model: "zero demand", demandClass: "none" }))).toMatch(
      /^No demand/,
    );
  });

  it("labels methods as a planner reads them, passing unknown ones through", () => {
    expect(methodLabel("optimised-theta")).toBe("Optimised Theta");
    expect(methodLabel("arima")).toBe("arima");
  });
});
