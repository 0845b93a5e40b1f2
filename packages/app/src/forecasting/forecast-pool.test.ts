import type { ForecastRequest } from "@fulcrum/engines";
import { describe, expect, it } from "vitest";
import { forecastMany } from "./forecast-pool";

// Small quarterly series keep the suite fast; what matters is how batches travel, not the model.
const requests: ForecastRequest[] = Array.from({ length: 24 }, (_, k) => ({
  values: Array.from(
    { length: 20 },
    (_, t) => 100 + k * 3 + 2 * t + [8, -3, 12, -17][t % 4]! + ((t * 7 + k) % 5),
  ),
  horizon: 4,
  period: 4,
}));

// Starting worker threads compiles the engine in each (about a second, more on a busy machine).
describe("forecasting many series", { timeout: 60_000 }, () => {
  it("gives the same results in worker threads as in this thread, in request order", async () => {
    const progress: number[] = [];
    const inThread = await forecastMany(requests, { workers: 0 });
    const inWorkers = await forecastMany(requests, {
      workers: 2,
      batchSize: 5,
      onProgress: (done, total) => {
        expect(total).toBe(requests.length);
        progress.push(done);
      },
    });
    expect(inWorkers).toEqual(inThread);
    expect(progress.at(-1)).toBe(requests.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("stops when cancelled", async () => {
    const controller = new AbortController();
    const run = forecastMany(requests, {
      workers: 2,
      batchSize: 1,
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 2) controller.abort(new Error("cancelled by the planner"));
      },
    });
    await expect(run).rejects.toThrow("cancelled by the planner");
  });

  it("stops in this thread too", async () => {
    const controller = new AbortController();
    controller.abort(new Error("cancelled before it began"));
    await expect(forecastMany(requests, { workers: 0, signal: controller.signal })).rejects.toThrow(
      "cancelled before it began",
    );
  });
});
