// Extracts the monthly M1 series (x then xx, at least 48 observations) into the compact shape list
// the demo generator bundles. Run once after the source data changes:
//   node packages/demo/scripts/extract-m1.mjs ../shared/data/m1.json packages/demo/data/m1-monthly.json
import { readFileSync, writeFileSync } from "node:fs";

const [source = "../shared/data/m1.json", target = "packages/demo/data/m1-monthly.json"] =
  process.argv.slice(2);
const m1 = JSON.parse(readFileSync(source, "utf8"));
const series = Object.entries(m1)
  .filter(([, s]) => s.period?.[0] === "MONTHLY")
  .map(([name, s]) => ({ name, values: [...s.x, ...s.xx] }))
  .filter((s) => s.values.length >= 48 && s.values.every((v) => Number.isFinite(v) && v >= 0));
writeFileSync(target, `${JSON.stringify(series)}\n`);
console.log(`${series.length} monthly series written to ${target}`);
