// One HiGHS worker per process, started on the first optimiser run and kept warm for the next (the
// first solve in a fresh runtime is several times slower). A worker that died — out of WebAssembly
// memory, killed — is replaced once; if the new one fails too, the solver is an environment problem,
// not the planner's data.

import type { SupplyProblem } from "@fulcrum/engines";
import { createSolver, planSupply, type Solver, type SupplyPlanResult } from "@fulcrum/solver";
import { EnvironmentError } from "../errors";

export class SolverHandle {
  private solver: Solver | null = null;

  constructor(private readonly start: () => Solver = createSolver) {}

  /** Plans with the current worker; on a worker failure retries once on a fresh one. */
  async plan(problem: SupplyProblem, timeLimitSeconds: number): Promise<SupplyPlanResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        this.solver ??= this.start();
        return await planSupply(this.solver, problem, { timeLimitSeconds });
      } catch (cause) {
        await this.discard();
        if (attempt === 2)
          throw new EnvironmentError(`the solver is unavailable: ${(cause as Error).message}`, { cause });
      }
    }
  }

  /** Ends the worker, if one runs; the next plan starts a new one. */
  async discard(): Promise<void> {
    const solver = this.solver;
    this.solver = null;
    await solver?.close().catch(() => {});
  }
}
