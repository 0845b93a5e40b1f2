// The worker thread that owns one HiGHS instance: the WASM module is compiled and loaded once
// per thread and reused for every solve sent to it, so the main thread stays free while it runs.

import { parentPort } from "node:worker_threads";
import type { LpArrays } from "@fulcrum/engines";
import loadHighs from "highs";
import { failure, solveArrays } from "./highs-solve";
import type { SolveOptions } from "./solve-result";

export interface SolveRequest {
  readonly id: number;
  readonly lp: LpArrays;
  readonly options: SolveOptions;
}

const highs = loadHighs();

parentPort?.on("message", async (request: SolveRequest) => {
  const started = performance.now();
  let result: ReturnType<typeof solveArrays>;
  try {
    result = solveArrays(await highs, request.lp, request.options);
  } catch (error) {
    result = failure(
      `HiGHS could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      started,
    );
  }
  const transfer = [result.columns?.buffer, result.duals?.rows.buffer, result.duals?.columns.buffer].filter(
    (b) => b !== undefined,
  );
  parentPort?.postMessage({ id: request.id, result }, transfer as ArrayBuffer[]);
});
