// Child process of bench/supply.ts: generates the same network and writes its model as MPS with
// HiGHS's writer, so that the export's WASM heap is not counted in the benchmark's own memory.
// Usage: node --import tsx bench/supply-export-mps.ts '<GeneratorSize as JSON>' out.mps
import { writeFileSync } from "node:fs";
import { buildSupplyModel, type GeneratorSize, generateSupplyProblem } from "@fulcrum/engines";
import { exportModel } from "@fulcrum/solver";
import loadHighs from "highs";

const [size, file] = process.argv.slice(2);
const supply = buildSupplyModel(generateSupplyProblem(1, JSON.parse(size!) as GeneratorSize));
writeFileSync(file!, exportModel(await loadHighs(), supply.model, "mps"));
