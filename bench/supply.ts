// Supply-planning benchmark (`npm run bench:supply`): generated networks of (SKUs, months,
// resources); for each, the optimiser's whole plan run — model build, HiGHS in its worker thread,
// reading the plan — with the process's peak RSS (the WASM heap lives in the worker, in this
// process) and the plan's cost; then the same model exported as MPS and solved by a native CLP,
// for the ratio ours/native. The family route (LP on product families, disaggregated to SKUs) runs
// too, with its cost gap to the flat LP where both run.
// Usage: npm run bench:supply -- [--sizes 50x12x5,2000x24x50] [--all] [--dcs 2] [--no-families]
//        [--flat-max-columns 1500000] [--time-limit 1800] [--heuristics]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  aggregateFamilies,
  buildSupplyModel,
  chasePlan,
  type GeneratorSize,
  generatedFamilies,
  generateSupplyProblem,
  levelPlan,
  readSupplyPlan,
  redTomatoProblem,
  type SupplyProblem,
  validateSupplyProblem,
} from "@fulcrum/engines";
import { createSolver, planSupplyByFamily, type Solver } from "@fulcrum/solver";
import { fmt, peakRss } from "./support";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "50x12x5,500x18x20,2000x24x50" },
    all: { type: "boolean", default: false },
    dcs: { type: "string", default: "2" },
    "no-families": { type: "boolean", default: false },
    "flat-max-columns": { type: "string", default: "1500000" },
    "time-limit": { type: "string", default: "1800" },
    heuristics: { type: "boolean", default: false },
  },
});
const sizes = [...values.sizes.split(","), ...(values.all ? ["10000x24x100"] : [])].map((text) => {
  const [skus, months, resources] = text.split("x").map(Number);
  if (!skus || !months || !resources) throw new Error(`--sizes takes SKUSxMONTHSxRESOURCES, not ${text}`);
  return { skus, months, resources, plants: 3, dcs: Number(values.dcs), components: Math.ceil(skus / 4) };
});
const timeLimitSeconds = Number(values["time-limit"]);
const flatMaxColumns = Number(values["flat-max-columns"]);
const exporter = join(dirname(fileURLToPath(import.meta.url)), "supply-export-mps.ts");
const clp = nativeSolver();
const scratch = mkdtempSync(join(tmpdir(), "fulcrum-supply-bench-"));
const money = (minor: number) => (Number.isFinite(minor) ? fmt(minor / 100) : "—");
const seconds = (s: number) => (Number.isFinite(s) ? fmt(s, 1) : "—");

console.log(`# Supply benchmark — ${new Date().toISOString()} — node ${process.version}`);
console.log(`# generated networks: seed 1, 3 plants, ${values.dcs} DCs, a component per 4 SKUs`);
if (!clp) console.log("# no native solver on PATH: `apt-get install coinor-clp` for the ours/native ratio");
console.log(
  [
    "SKUs×months×res",
    "cols",
    "rows",
    "nonzeros",
    "build s",
    "solve s",
    "plan run s",
    "CPU s",
    "peak RSS MiB",
    "status",
    "objective",
    "CLP s",
    "CLP CPU s",
    "CLP objective",
    "ours/CLP",
    "CPU ours/CLP",
    "family cols",
    "family run s",
    "family peak MiB",
    "family cost",
    "gap %",
    ...(values.heuristics ? ["level cost", "chase cost"] : []),
  ].join("\t"),
);

try {
  for (const size of sizes) {
    const problem = generateSupplyProblem(1, size);
    if (validateSupplyProblem(problem).length > 0) throw new Error("generated problem is invalid");
    // Families first: a flat model's JavaScript heap, once grown, would count in their peak.
    const family = values["no-families"] ? null : await planFamilies(problem, size);
    const flat = await planFlat(problem);
    const native = clp && flat.status !== "skipped" ? solveNatively(size) : null;
    console.log(
      [
        `${size.skus}×${size.months}×${size.resources}`,
        flat.columns,
        flat.rows,
        flat.nonzeros,
        seconds(flat.buildSeconds),
        seconds(flat.solveSeconds),
        seconds(flat.runSeconds),
        seconds(flat.cpuSeconds),
        fmt(flat.peakMiB),
        flat.status,
        money(flat.cost),
        native ? seconds(native.seconds) : "—",
        native ? seconds(native.cpuSeconds) : "—",
        native ? money(native.objective) : "—",
        native ? fmt(flat.runSeconds / native.seconds, 1) : "—",
        native ? fmt(flat.cpuSeconds / native.cpuSeconds, 1) : "—",
        family?.columns ?? "—",
        family ? seconds(family.runSeconds) : "—",
        family ? fmt(family.peakMiB) : "—",
        family ? money(family.cost) : "—",
        family && Number.isFinite(flat.cost) ? fmt((100 * (family.cost - flat.cost)) / flat.cost, 2) : "—",
        ...(values.heuristics
          ? [money(levelPlan(problem).costs.total), money(chasePlan(problem).costs.total)]
          : []),
      ].join("\t"),
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** The flat LP over every SKU, or only its size when it is over the WASM heap's ceiling (ADR 0400). */
async function planFlat(problem: SupplyProblem) {
  const solver = await warmSolver();
  try {
    const cpu = process.cpuUsage();
    const { result, peakMiB } = await peakRss(async () => {
      const started = performance.now();
      const supply = buildSupplyModel(problem);
      const { numCols, numRows, values: matrix } = supply.model.toArrays();
      const nonzeros = matrix.length;
      const buildSeconds = (performance.now() - started) / 1000;
      const size = { columns: numCols, rows: numRows, nonzeros, buildSeconds };
      if (numCols > flatMaxColumns)
        return {
          ...size,
          status: "skipped",
          solveSeconds: Number.NaN,
          runSeconds: Number.NaN,
          cost: Number.NaN,
        };
      const solved = await solver.solve(supply.model, { timeLimitSeconds });
      const cost = solved.columns
        ? readSupplyPlan(supply, {
            columns: solved.columns,
            ...(solved.duals ? { duals: solved.duals } : {}),
          }).costs.total
        : Number.NaN;
      const runSeconds = (performance.now() - started) / 1000;
      return { ...size, status: solved.status, solveSeconds: solved.seconds, runSeconds, cost };
    });
    // Every thread of the process, the solver's worker included.
    const used = process.cpuUsage(cpu);
    const cpuSeconds = result.status === "skipped" ? Number.NaN : (used.user + used.system) / 1e6;
    return { ...result, peakMiB, cpuSeconds };
  } finally {
    await solver.close();
  }
}

async function planFamilies(problem: SupplyProblem, size: GeneratorSize) {
  const families = generatedFamilies(size);
  const solver = await warmSolver();
  try {
    const { result, peakMiB } = await peakRss(async () => {
      const started = performance.now();
      const planned = await planSupplyByFamily(solver, problem, families, {
        timeLimitSeconds,
      });
      if (planned.status !== "optimal" && planned.status !== "time-limit")
        throw new Error(`family LP: ${planned.status}`);
      if (!planned.plan) throw new Error("family LP: no plan in the time limit");
      return { ...planned, runSeconds: (performance.now() - started) / 1000 };
    });
    const columns = buildSupplyModel(aggregateFamilies(problem, families)).model.variables.length;
    return { columns, runSeconds: result.runSeconds, cost: result.plan.costs.total, peakMiB };
  } finally {
    await solver.close();
  }
}

/**
 * A fresh worker per plan run, so each run's peak RSS starts from an empty WASM heap (it never
 * shrinks); warmed on a tiny model, since the first solve in a fresh runtime is 3–5× slower.
 */
async function warmSolver(): Promise<Solver> {
  const solver = createSolver();
  await solver.solve(buildSupplyModel(redTomatoProblem({ integerWorkforce: false })).model);
  return solver;
}

function nativeSolver(): string | null {
  const found = spawnSync("sh", ["-c", "command -v clp"], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : null;
}

/**
 * Exports the same model as MPS in a child process (its WASM heap must not count in ours) and
 * times CLP's barrier, reading the file included, as the plan run includes building the model.
 */
function solveNatively(size: GeneratorSize): { seconds: number; cpuSeconds: number; objective: number } {
  const file = join(scratch, `supply-${size.skus}.mps`);
  const exported = spawnSync(process.execPath, ["--import", "tsx", exporter, JSON.stringify(size), file], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (exported.status !== 0) throw new Error("MPS export failed");
  const started = performance.now();
  const cpu = childrenCpuSeconds();
  const run = spawnSync(clp!, [file, "-barrier"], { encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = childrenCpuSeconds() - cpu;
  rmSync(file, { force: true });
  const objective = /Optimal objective\s+(\S+)/.exec(run.stdout)?.[1];
  if (!objective) throw new Error(`CLP found no optimum:\n${run.stdout.slice(-2000)}`);
  return { seconds, cpuSeconds, objective: Number(objective) };
}

/**
 * CPU seconds of this process's finished children (Linux: cutime + cstime of /proc/self/stat, in
 * clock ticks of 1/100 s); NaN elsewhere. On shared cores CPU time compares fairer than wall time.
 */
function childrenCpuSeconds(): number {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}
