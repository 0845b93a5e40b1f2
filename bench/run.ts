// `npm run bench`: the foundation benchmarks. `npm run bench -- --only import --rows 200000` runs one.

import { parseArgs } from "node:util";
import { benchImport } from "./import-history";
import { benchPlanGrid } from "./plan-grid";
import { benchStartup } from "./startup";

const { values } = parseArgs({
  options: { only: { type: "string" }, rows: { type: "string", default: "1000000" } },
});
const want = (name: string) => !values.only || values.only === name;

console.log(`# Fulcrum benchmarks — ${new Date().toISOString()} — node ${process.version}`);
if (want("import")) await benchImport(Number(values.rows));
if (want("startup")) await benchStartup();
if (want("grid")) await benchPlanGrid();
