// Literal forecast API answers for the forecast page and chart tests.

import type { ForecastRun, NodeForecast } from "../api/types";

export const RUN: ForecastRun = {
  id: 4,
  versionId: 9,
  level: "sku",
  status: "finished",
  firstPeriod: "2026-11",
  horizon: 2,
  series: 1,
  done: 1,
  total: 1,
  startedAt: "2026-11-22T09:00:00Z",
  finishedAt: "2026-11-22T09:00:05Z",
  reconciliation: { method: "mint-shrink", shrinkage: 0.42 },
};

const HISTORY = [
  { period: "2026-08", actual: 900, fitted: null },
  { period: "2026-09", actual: 1200, fitted: 950 },
  { period: "2026-10", actual: 1000, fitted: 1100 },
];

export const SKU_FORECAST: NodeForecast = {
  node: { kind: "item", code: "SKU-0001", name: "Orange juice Classic 1 l" },
  run: RUN,
  history: HISTORY,
  forecast: [
    { period: "2026-11", p10: 800, p50: 1050, p90: 1300 },
    { period: "2026-12", p10: 760, p50: 1060, p90: 1390 },
  ],
  series: 1,
  methods: [{ method: "combination", series: 1 }],
  accuracy: { mae: 120, bias: -15, mase: 0.84, relativeMae: 0.12, backtested: 1 },
  models: [
    {
      location: null,
      segment: null,
      method: "combination",
      model: "mean of ETS(M,N,M), Theta",
      demandClass: "smooth",
      notes: [],
      accuracy: { mae: 120, rmse: 150, bias: -15, mase: 0.84 },
      scoreboard: [
        { method: "ets", mae: 110, rmse: 140, bias: -20, mase: 0.77, origins: 6, chosen: false },
        { method: "combination", mae: 120, rmse: 150, bias: -15, mase: 0.84, origins: 6, chosen: true },
        { method: "naive", mae: 210, rmse: 260, bias: 30, mase: 1.47, origins: 6, chosen: false },
      ],
    },
  ],
  ownModel: null,
};

/** A family: its own forecast, reconciled with its SKUs'. */
export const GROUP_FORECAST: NodeForecast = {
  ...SKU_FORECAST,
  node: { kind: "group", code: "JUICE", name: "Juices" },
  series: 12,
  methods: [
    { method: "combination", series: 9 },
    { method: "sba", series: 3 },
  ],
  models: [],
  ownModel: { ...SKU_FORECAST.models[0]!, model: "mean of ETS(A,A,A), dynamic optimised Theta" },
};

export const NO_FORECAST: NodeForecast = {
  node: { kind: null, code: null, name: "All products" },
  run: null,
  history: HISTORY.map((p) => ({ ...p, fitted: null })),
  forecast: [],
  series: 0,
  methods: [],
  accuracy: null,
  models: [],
  ownModel: null,
};
