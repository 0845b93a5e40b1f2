// One solve on a loaded HiGHS instance, in whichever thread holds it: pass the CSR arrays, apply
// the limits, run, and translate HiGHS's model status into Fulcrum's. The model is disposed after
// every solve because GC never frees WASM memory.

import type { LpArrays } from "@fulcrum/engines";
import type { Highs, Model } from "highs";
import {
  DEFAULT_MIP_GAP,
  DEFAULT_TIME_LIMIT_SECONDS,
  IPM_COLUMN_THRESHOLD,
  type SolveOptions,
  type SolveResult,
  type SolveStatus,
} from "./solve-result";

export function solveArrays(highs: Highs, lp: LpArrays, options: SolveOptions = {}): SolveResult {
  const started = performance.now();
  const isMip = lp.integrality.some((v) => v !== 0);
  const status = highs.constants.modelStatus;
  let model: Model | null = null;
  try {
    model = highs.createModel(toHighsModel(highs, lp));
    const algorithm = options.algorithm ?? "choose";
    model.options.set({
      output_flag: false,
      time_limit: options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS,
      mip_rel_gap: options.mipRelativeGap ?? DEFAULT_MIP_GAP,
      ...(options.stopAtFirstPlan ? { mip_max_improving_sols: 1 } : {}),
      ...(isMip
        ? {}
        : { solver: algorithm === "choose" && lp.numCols > IPM_COLUMN_THRESHOLD ? "ipm" : algorithm }),
    });
    let code = model.run().modelStatus;
    if (code === status.unboundedOrInfeasible) {
      // Presolve cannot tell the two apart; the simplex without presolve can.
      model.options.set({ presolve: "off" });
      code = model.run().modelStatus;
    }
    const hasPoint = model.info.get("primal_solution_status") === highs.constants.solutionStatus.feasible;
    const ours = fulcrumStatus(highs, code);
    const solution = hasPoint ? model.getSolution() : null;
    return {
      status: ours,
      detail: statusName(highs, code),
      objective: solution ? model.getObjectiveValue() : null,
      columns: solution ? solution.colValue : null,
      duals:
        solution && !isMip && ours === "optimal"
          ? { rows: solution.rowDual, columns: solution.colDual }
          : null,
      mipGap: isMip && solution ? Number(model.info.get("mip_gap")) : null,
      conflict: ours === "infeasible" ? conflictOf(highs, model) : null,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    return failure(`HiGHS failed: ${error instanceof Error ? error.message : String(error)}`, started);
  } finally {
    model?.dispose();
  }
}

export function toHighsModel(highs: Highs, lp: LpArrays) {
  const infinite = (values: Float64Array) =>
    values.map((v) => (Number.isFinite(v) ? v : Math.sign(v) * highs.infinity));
  return {
    numCols: lp.numCols,
    numRows: lp.numRows,
    offset: lp.offset,
    colCost: lp.colCost,
    colLower: infinite(lp.colLower),
    colUpper: infinite(lp.colUpper),
    rowLower: infinite(lp.rowLower),
    rowUpper: infinite(lp.rowUpper),
    matrix: {
      format: "csr" as const,
      numRows: lp.numRows,
      numCols: lp.numCols,
      starts: lp.starts,
      indices: lp.indices,
      values: lp.values,
    },
    ...(lp.integrality.some((v) => v !== 0) ? { integrality: lp.integrality } : {}),
  };
}

function fulcrumStatus(highs: Highs, code: number): SolveStatus {
  const s = highs.constants.modelStatus;
  switch (code) {
    case s.optimal:
    case s.empty:
      return "optimal";
    case s.infeasible:
      return "infeasible";
    case s.unbounded:
    case s.unboundedOrInfeasible:
      return "unbounded";
    case s.timeLimit:
    case s.iterationLimit:
    case s.interrupted:
    case s.solutionLimit:
      return "time-limit";
    default:
      return "error";
  }
}

function statusName(highs: Highs, code: number): string {
  const entry = Object.entries(highs.constants.modelStatus).find(([, value]) => value === code);
  return entry ? entry[0] : `status ${code}`;
}

/** The rows and columns HiGHS places in an irreducible infeasible subsystem, if it finds one. */
function conflictOf(highs: Highs, model: Model): SolveResult["conflict"] {
  try {
    // The light default strategy often finds nothing; row priority names the rows in conflict.
    model.options.set({ iis_strategy: highs.constants.iis.strategyRowPriority });
    const iis = model.getIis();
    const inConflict = highs.constants.iis.inConflict;
    const members = (status: Int32Array, listed: Int32Array) => {
      const flagged = [...status.keys()].filter((i) => status[i] === inConflict);
      return flagged.length > 0 ? flagged : [...listed];
    };
    return { rows: members(iis.rowStatus, iis.rowIndex), columns: members(iis.colStatus, iis.colIndex) };
  } catch {
    return null;
  }
}

export function failure(detail: string, started: number): SolveResult {
  return {
    status: "error",
    detail,
    objective: null,
    columns: null,
    duals: null,
    mipGap: null,
    conflict: null,
    seconds: (performance.now() - started) / 1000,
  };
}
