// Supply-plan benchmark: generated networks of growing size — model build time, size, HiGHS solve
// time in this thread, and the optimiser's cost against the level and chase heuristics.
// Usage: npx tsx bench/supply-plan.ts [--skus 50,200,500] [--months 18]
import {
  buildSupplyModel,
  chasePlan,
  generateSupplyProblem,
  levelPlan,
  readSupplyPlan,
  validateSupplyProblem,
} from "@fulcrum/engines";
import { solveArrays } from "@fulcrum/solver";
import loadHighs from "highs";

const argument = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1]! : fallback;
};
const sizes = argument("skus", "50,200,500").split(",").map(Number);
const months = Number(argument("months", "18"));
const highs = await loadHighs();

console.log(
  "SKUs\tmonths\tcols\trows\tnonzeros\tbuild ms\tsolve s\tstatus\toptimiser\tlevel\tchase\theuristics ms",
);
for (const skus of sizes) {
  const problem = generateSupplyProblem(1, {
    skus,
    months,
    plants: 3,
    dcs: 4,
    components: Math.ceil(skus / 4),
  });
  if (validateSupplyProblem(problem).length > 0) throw new Error("generated problem is invalid");
  const built = performance.now();
  const supply = buildSupplyModel(problem);
  const lp = supply.model.toArrays();
  const buildMs = performance.now() - built;
  const result = solveArrays(highs, lp, { timeLimitSeconds: 300 });
  const optimiser = result.columns
    ? readSupplyPlan(supply, { columns: result.columns }).costs.total
    : Number.NaN;
  const started = performance.now();
  const level = levelPlan(problem).costs.total;
  const chase = chasePlan(problem).costs.total;
  const heuristicsMs = performance.now() - started;
  const euros = (minor: number) => Math.round(minor / 100).toLocaleString("en");
  console.log(
    [
      skus,
      months,
      lp.numCols,
      lp.numRows,
      lp.values.length,
      buildMs.toFixed(0),
      result.seconds.toFixed(2),
      result.status,
      euros(optimiser),
      euros(level),
      euros(chase),
      heuristicsMs.toFixed(0),
    ].join("\t"),
  );
}
