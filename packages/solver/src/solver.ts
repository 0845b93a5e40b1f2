// The solver port's HiGHS adapter as callers see it: solves run in a worker thread that keeps its
// HiGHS instance loaded between solves; results come back with Fulcrum's statuses and, when the
// model is infeasible, the names of the rows and columns in conflict.

import { Worker } from "node:worker_threads";
import type { LpModel } from "@fulcrum/engines";
import type { SolveOptions, SolveResult } from "./solve-result";
import type { SolveRequest } from "./solver-worker";

export interface ModelSolveResult extends SolveResult {
  /** Names of the rows and columns in the infeasible subsystem; empty unless infeasible. */
  readonly conflictNames: readonly string[];
}

export interface Solver {
  solve(model: LpModel, options?: SolveOptions): Promise<ModelSolveResult>;
  /** Ends the worker thread. */
  close(): Promise<void>;
}

/** Starts a solver worker. Solves sent to it run one after another. */
export function createSolver(): Solver {
  const worker = new Worker(new URL("./solver-thread.mjs", import.meta.url));
  worker.unref();
  const pending = new Map<number, { resolve: (r: SolveResult) => void; reject: (e: Error) => void }>();
  let next = 0;
  // Once the thread has died every later solve fails at once instead of waiting forever.
  let dead: Error | null = null;
  worker.on("message", ({ id, result }: { id: number; result: SolveResult }) => {
    pending.get(id)?.resolve(result);
    pending.delete(id);
  });
  const failAll = (error: Error) => {
    dead ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on("error", failAll);
  worker.on("exit", (code) => failAll(new Error(`solver worker exited with code ${code}`)));

  return {
    async solve(model, options = {}) {
      const request: SolveRequest = { id: next++, lp: model.toArrays(), options };
      const result = await new Promise<SolveResult>((resolve, reject) => {
        if (dead) return reject(dead);
        pending.set(request.id, { resolve, reject });
        worker.ref();
        // The arrays are fresh for every solve, so they move to the worker instead of being copied.
        const { lp } = request;
        const buffers = [
          lp.colCost,
          lp.colLower,
          lp.colUpper,
          lp.integrality,
          lp.rowLower,
          lp.rowUpper,
          lp.starts,
          lp.indices,
          lp.values,
        ];
        worker.postMessage(
          request,
          buffers.map((array) => array.buffer as ArrayBuffer),
        );
      }).finally(() => {
        if (pending.size === 0) worker.unref();
      });
      const conflictNames = result.conflict
        ? [
            ...result.conflict.rows.map((i) => model.constraints[i]!.name),
            ...result.conflict.columns.map((j) => model.variables[j]!.name),
          ]
        : [];
      return { ...result, conflictNames };
    },
    async close() {
      await worker.terminate();
    },
  };
}
