// The body of one forecasting worker thread: batches of requests in, the engine's results out.
// It holds no state between batches, so which worker gets which batch cannot change a result.

import { parentPort } from "node:worker_threads";
import { autoForecast, type ForecastRequest } from "@fulcrum/engines";

export interface ForecastBatch {
  readonly batch: number;
  readonly requests: readonly ForecastRequest[];
}

parentPort?.on("message", ({ batch, requests }: ForecastBatch) => {
  parentPort!.postMessage({ batch, results: requests.map(autoForecast) });
});
