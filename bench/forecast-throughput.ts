// Forecast throughput: the automatic default on many 60-month monthly series, in worker threads on
// every core, against a reference run of the same engine in this thread. The series are 60-month
// windows of M1's monthly series, each rescaled, so no two are alike. Target (issue 3): 100,000
// series within 10 minutes on a 2-core machine, under 2 GiB.
// Usage: npx tsx bench/forecast-throughput.ts [--series N]   (also part of `npm run bench`)

import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { forecastMany } from "@fulcrum/app";
import { autoForecast, type ForecastRequest } from "@fulcrum/engines";
import { peakRss } from "./support";

const LENGTH = 60;
const HORIZON = 18;

export function throughputSeries(count: number): ForecastRequest[] {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const path = [join(root, "../shared/data/m1.json"), "/work/shared/data/m1.json"].find((p) => existsSync(p));
  if (!path) throw new Error("m1.json not found in ../shared/data or /work/shared/data");
  const raw = JSON.parse(readFileSync(path, "utf8")) as Record<string, { x: number[]; period: [string] }>;
  const monthly = Object.values(raw)
    .filter((s) => s.period[0] === "MONTHLY" && s.x.length >= LENGTH)
    .map((s) => s.x);
  return Array.from({ length: count }, (_, k) => {
    const x = monthly[k % monthly.length]!;
    const round = Math.floor(k / monthly.length);
    const offset = round % (x.length - LENGTH + 1);
    const scale = 0.5 + ((k * 2654435761) % 1000) / 1000;
    return {
      values: x.slice(offset, offset + LENGTH).map((v) => v * scale),
      horizon: HORIZON,
      period: 12,
    };
  });
}

export async function benchForecastThroughput(count: number): Promise<void> {
  const requests = throughputSeries(count);
  const reference = requests.slice(0, Math.min(1000, Math.ceil(count / 10)));
  console.log(
    `\n## Forecast throughput: ${count.toLocaleString("en")} monthly series of ${LENGTH} months, horizon ${HORIZON}`,
  );

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const request of reference) autoForecast(request);
  const referenceSeconds = (performance.now() - t0) / 1000;
  const referenceCpu = cpuSeconds(process.cpuUsage(cpu0));
  const referenceRate = reference.length / referenceSeconds;
  console.log(
    `reference, this thread: ${reference.length} series in ${referenceSeconds.toFixed(1)} s — ${referenceRate.toFixed(1)} series/s, ${(reference.length / referenceCpu).toFixed(1)} series per CPU-second`,
  );

  const workers = availableParallelism();
  const cpu1 = process.cpuUsage();
  const t1 = performance.now();
  let lastReport = 0;
  const { result, peakMiB } = await peakRss(() =>
    forecastMany(requests, {
      workers,
      onProgress: (done, total) => {
        if (done - lastReport >= total / 10 || done === total) {
          lastReport = done;
          process.stdout.write(`  ${done}/${total}\n`);
        }
      },
    }),
  );
  const seconds = (performance.now() - t1) / 1000;
  const cpu = cpuSeconds(process.cpuUsage(cpu1));
  const failed = result.filter((r) => !r.ok).length;
  const rate = count / seconds;
  console.log(
    `pool, ${workers} worker threads: ${count} series in ${seconds.toFixed(1)} s — ${rate.toFixed(1)} series/s (×${(rate / referenceRate).toFixed(2)} the reference), ${(count / cpu).toFixed(1)} series per CPU-second, peak RSS ${peakMiB.toFixed(0)} MiB, ${failed} failed`,
  );
  const projected = 100_000 / rate / 60;
  console.log(
    `100,000 series at this rate: ${projected.toFixed(1)} min (target ≤ 10 min, ${projected <= 10 ? "met" : "NOT met"})`,
  );
}

function cpuSeconds(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1e6;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { series: { type: "string", default: "10000" } } });
  await benchForecastThroughput(Number(values.series));
}
