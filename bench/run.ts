// `npm run bench`: the foundation benchmarks and forecast throughput.
// `npm run bench -- --only import --rows 200000` runs one; `--only forecast --series 100000` the full
// forecast target; `--only demand` (`npm run bench:demand`) the demand edit at the top of a
// 10,000-SKU hierarchy and the review grid's first load in Chromium (`--only demand-grid` alone);
// `--only cleansing` promotion cleansing on the demo company's holdout.

import { parseArgs } from "node:util";
import { benchDemandEdit } from "./demand-edit";
import { benchDemandGridBrowser } from "./demand-grid-browser";
import { benchForecastThroughput } from "./forecast-throughput";
import { benchImport } from "./import-history";
import { benchPlanGrid } from "./plan-grid";
import { benchPromotionCleansing } from "./promotion-cleansing";
import { benchStartup } from "./startup";

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    rows: { type: "string", default: "1000000" },
    series: { type: "string", default: "10000" },
  },
});
const want = (name: string) => !values.only || values.only === name;

console.log(`# Fulcrum benchmarks — ${new Date().toISOString()} — node ${process.version}`);
if (want("import")) await benchImport(Number(values.rows));
if (want("startup")) await benchStartup();
if (want("grid")) await benchPlanGrid();
if (want("demand")) await benchDemandEdit();
if (want("demand") || want("demand-grid")) await benchDemandGridBrowser();
if (want("forecast")) await benchForecastThroughput(Number(values.series));
if (want("cleansing")) await benchPromotionCleansing();
