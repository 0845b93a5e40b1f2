// M1 forecasting benchmark: every method forecasts each series' test horizon from its training
// part; prints sMAPE, MASE and OWA (M4 definitions, relative to Naive2) per frequency and overall,
// series per second and P10–P90 coverage. With --with-r (and --r-arima), R's forecast package runs
// on the same series for reference. The ETS–ARIMA–Theta combinations reuse their members' forecasts
// and are charged their members' CPU time.
// Usage: npx tsx bench/forecast-m1.ts [--limit N] [--only A,B] [--with-r] [--r-arima]
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  arimaPredict,
  arimaQuantiles,
  autoArima,
  autoEts,
  autoForecast,
  dynamicThetaForecast,
  etsPointForecast,
  etsQuantiles,
  fitSes,
  intervalCoverage,
  mase,
  naive2,
  optimisedThetaForecast,
  reseasonalise,
  runCandidates,
  seasonalAdjustment,
  smape,
  thetaForecast,
} from "@fulcrum/engines";

interface RawSeries {
  x: number[];
  xx: number[];
  h: [number];
  period: [string];
}
interface Series {
  name: string;
  frequency: string;
  period: number;
  x: number[];
  xx: number[];
  h: number;
}
/** A method's output for one series: points, and the P10/P90 band when it has one. */
interface Output {
  point: number[];
  p10?: number[];
  p90?: number[];
  /** CPU seconds to charge instead of the measured ones (combinations of cached members). */
  seconds?: number;
}
type Method = (s: Series) => Output;

const PERIODS: Record<string, number> = { YEARLY: 1, QUARTERLY: 4, MONTHLY: 12 };

function loadM1(): Series[] {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const path = [join(root, "../shared/data/m1.json"), "/work/shared/data/m1.json"].find((p) => existsSync(p));
  if (!path) throw new Error("m1.json not found in ../shared/data or /work/shared/data");
  const raw = JSON.parse(readFileSync(path, "utf8")) as Record<string, RawSeries>;
  return Object.entries(raw).map(([name, s]) => ({
    name,
    frequency: s.period[0],
    period: PERIODS[s.period[0]] ?? 1,
    x: s.x,
    xx: s.xx,
    h: s.h[0],
  }));
}

function sesAdjusted(s: Series): Output {
  const adjustment = seasonalAdjustment(s.x, s.period);
  const fit = fitSes(adjustment.adjusted);
  const level = fit ? fit.level : s.x[s.x.length - 1]!;
  return { point: reseasonalise(new Array<number>(s.h).fill(level), adjustment, s.x.length) };
}

function ets(s: Series): Output {
  const result = autoEts(s.x, s.period);
  if (!result) return { point: naive2(s.x, s.h, s.period) };
  const [p10, p90] = etsQuantiles(result.best, s.h, [0.1, 0.9]);
  return { point: etsPointForecast(result.best, s.h), p10: p10!, p90: p90! };
}

/** Fulcrum's auto.arima choice per series, to compare with R's. */
const arimaChoices = new Map<string, { order: number[]; constant: boolean; aicc: number }>();

function arima(s: Series): Output {
  const result = autoArima(s.x, s.period);
  if (!result) return { point: naive2(s.x, s.h, s.period) };
  const { spec, aicc } = result.fit;
  arimaChoices.set(s.name, {
    order: [spec.p, spec.d, spec.q, spec.P, spec.D, spec.Q],
    constant: spec.constant && spec.d + spec.D <= 1,
    aicc,
  });
  const prediction = arimaPredict(result.fit, s.h);
  const [p10, p90] = arimaQuantiles(prediction, [0.1, 0.9]);
  return { point: prediction.mean, p10: p10!, p90: p90! };
}

/** ETS, ARIMA, Theta and DOTM per series, computed once for every combination, with their CPU time. */
const members = new Map<string, { forecasts: number[][]; seconds: number }>();
const MEMBER_INDEX = { ets: 0, arima: 1, theta: 2, dotm: 3 } as const;
function memberForecasts(s: Series): { forecasts: number[][]; seconds: number } {
  let cached = members.get(s.name);
  if (!cached) {
    const start = process.cpuUsage();
    const forecasts = [ets(s).point, arima(s).point, METHODS.Theta!(s).point, METHODS.DOTM!(s).point];
    const used = process.cpuUsage(start);
    cached = { forecasts, seconds: (used.user + used.system) / 1e6 };
    members.set(s.name, cached);
  }
  return cached;
}

/** Mean or median of three members (charged all four members' time: an upper bound). */
function combine(
  s: Series,
  how: "mean" | "median",
  picks: readonly (keyof typeof MEMBER_INDEX)[] = ["ets", "arima", "theta"],
): Output {
  const { forecasts: all, seconds } = memberForecasts(s);
  const forecasts = picks.map((name) => all[MEMBER_INDEX[name]]!);
  const point = forecasts[0]!.map((_, j) => {
    const values = forecasts.map((f) => f[j]!).sort((a, b) => a - b);
    return how === "mean" ? values.reduce((a, b) => a + b, 0) / values.length : values[1]!;
  });
  return { point, seconds };
}

function auto(s: Series, strategy: "default" | "backtest" = "default"): Output {
  const result = autoForecast({ values: s.x, horizon: s.h, period: s.period, strategy });
  if (!result.ok) throw new Error(`${s.name}: ${result.issues.join("; ")}`);
  const { point, quantiles } = result.forecast;
  return { point: [...point], p10: [...quantiles[0]!.values], p90: [...quantiles[2]!.values] };
}

function combination(method: "combination" | "weighted-combination"): Method {
  return (s) => {
    const { forecasts } = runCandidates(s.x, s.h, s.period, [method]);
    return { point: forecasts.get(method) ?? naive2(s.x, s.h, s.period) };
  };
}

const METHODS: Record<string, Method> = {
  Naive2: (s) => ({ point: naive2(s.x, s.h, s.period) }),
  SES: sesAdjusted,
  Theta: (s) => ({ point: thetaForecast(s.x, s.h, s.period) ?? naive2(s.x, s.h, s.period) }),
  OptTheta: (s) => ({
    point: optimisedThetaForecast(s.x, s.h, s.period)?.forecast ?? naive2(s.x, s.h, s.period),
  }),
  DOTM: (s) => ({
    point: dynamicThetaForecast(s.x, s.h, s.period)?.forecast ?? naive2(s.x, s.h, s.period),
  }),
  ETS: ets,
  ARIMA: arima,
  Comb: combination("combination"),
  WComb: combination("weighted-combination"),
  MeanEAT: (s) => combine(s, "mean"),
  MedEAT: (s) => combine(s, "median"),
  MeanEAD: (s) => combine(s, "mean", ["ets", "arima", "dotm"]),
  MedEAD: (s) => combine(s, "median", ["ets", "arima", "dotm"]),
  Auto: (s) => auto(s),
  Best: (s) => auto(s, "backtest"),
};

// R's reference methods; CPU seconds are R's own per method (proc.time), not the process's.
const R_SCRIPT = `
args <- commandArgs(trailingOnly = TRUE)
suppressMessages({ library(forecast); library(jsonlite) })
input <- fromJSON(args[1], simplifyVector = FALSE)
methods <- strsplit(args[3], ",")[[1]]
secs <- setNames(as.list(rep(0, length(methods))), methods)
out <- list()
for (s in input) {
  y <- ts(unlist(s$x), frequency = s$period)
  res <- list()
  for (m in methods) {
    t0 <- proc.time()
    f <- switch(m,
      ets = forecast(ets(y), h = s$h, level = 80),
      arima = forecast(auto.arima(y), h = s$h, level = 80),
      theta = thetaf(y, h = s$h, level = 80))
    used <- proc.time() - t0
    secs[[m]] <- secs[[m]] + used[["user.self"]] + used[["sys.self"]]
    res[[m]] <- list(mean = as.numeric(f$mean), lo = as.numeric(f$lower), hi = as.numeric(f$upper))
    if (m == "arima") {
      res[[m]]$order <- as.numeric(c(arimaorder(f$model)[1:3], f$model$arma[c(3, 7, 4)]))
      res[[m]]$constant <- any(names(coef(f$model)) %in% c("drift", "intercept"))
      res[[m]]$aicc <- f$model$aicc
    }
  }
  out[[s$name]] <- res
}
write(toJSON(list(forecasts = out, seconds = secs), auto_unbox = TRUE, digits = NA), args[2])
`;

interface RForecast {
  mean: number[];
  lo: number[];
  hi: number[];
  /** auto.arima's p, d, q, P, D, Q, whether it has a mean or drift, and its AICc. */
  order?: number[];
  constant?: boolean;
  aicc?: number;
}
interface RResults {
  forecasts: Record<string, Record<string, RForecast>>;
  seconds: Record<string, number>;
}

/** Runs R's ets/thetaf (and auto.arima) on the series; null, with install advice, without R. */
function runR(series: Series[], methods: string[]): RResults | null {
  const probe = spawnSync("Rscript", ["-e", "suppressMessages({library(forecast); library(jsonlite)})"]);
  if (probe.status !== 0) {
    console.log(
      "R reference skipped: needs Rscript with forecast and jsonlite " +
        "(apt-get install -y r-base-core r-cran-forecast r-cran-jsonlite; never in CI)",
    );
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), "fulcrum-m1-r-"));
  try {
    const input = join(dir, "input.json");
    const output = join(dir, "output.json");
    writeFileSync(input, JSON.stringify(series.map(({ name, period, h, x }) => ({ name, period, h, x }))));
    const run = spawnSync("Rscript", ["-e", R_SCRIPT, input, output, methods.join(",")], {
      stdio: ["ignore", "inherit", "inherit"],
    });
    if (run.status !== 0) throw new Error(`Rscript failed with status ${run.status}`);
    return JSON.parse(readFileSync(output, "utf8")) as RResults;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Score {
  smape: number;
  mase: number;
  inside: number;
  covered: number;
}

function main() {
  const args = process.argv.slice(2);
  const limitAt = args.indexOf("--limit");
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Number.POSITIVE_INFINITY;
  const onlyAt = args.indexOf("--only");
  const only = onlyAt >= 0 ? args[onlyAt + 1]!.split(",") : Object.keys(METHODS);
  const all = loadM1();
  const series = ["YEARLY", "QUARTERLY", "MONTHLY"].flatMap((f) =>
    all.filter((s) => s.frequency === f).slice(0, limit),
  );
  const names = ["Naive2", ...only.filter((m) => m !== "Naive2")];
  let rArima: RResults | null = null;
  const scores = new Map<string, Map<string, Score[]>>();
  const seconds = new Map<string, number>();
  for (const name of names) {
    const method = METHODS[name];
    if (!method) throw new Error(`unknown method ${name}; known: ${Object.keys(METHODS).join(", ")}`);
    const byFrequency = new Map<string, Score[]>();
    let total = 0;
    for (const s of series) {
      const start = process.cpuUsage();
      const out = method(s);
      const used = process.cpuUsage(start);
      total += out.seconds ?? (used.user + used.system) / 1e6;
      const list = byFrequency.get(s.frequency) ?? [];
      list.push(score(s, out));
      byFrequency.set(s.frequency, list);
    }
    seconds.set(name, total);
    scores.set(name, byFrequency);
  }
  if (args.includes("--with-r")) {
    const rMethods = ["ets", "theta", ...(args.includes("--r-arima") ? ["arima"] : [])];
    const r = runR(series, rMethods);
    if (r && rMethods.includes("arima")) rArima = r;
    if (r) {
      const label = (m: string) => `R-${m}`;
      const outputs = (s: Series): Record<string, Output> => {
        const f = r.forecasts[s.name]!;
        const result: Record<string, Output> = {};
        for (const m of rMethods) result[label(m)] = { point: f[m]!.mean, p10: f[m]!.lo, p90: f[m]!.hi };
        const means = rMethods.map((m) => f[m]!.mean);
        result["R-mean"] = {
          point: means[0]!.map((_, j) => means.reduce((a, p) => a + p[j]!, 0) / means.length),
        };
        result["R-median"] = {
          point: means[0]!.map((_, j) => {
            const values = means.map((p) => p[j]!).sort((a, b) => a - b);
            const mid = Math.floor(values.length / 2);
            return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
          }),
        };
        return result;
      };
      for (const name of [...rMethods.map(label), "R-mean", ...(rMethods.length > 2 ? ["R-median"] : [])]) {
        const byFrequency = new Map<string, Score[]>();
        for (const s of series) {
          const list = byFrequency.get(s.frequency) ?? [];
          list.push(score(s, outputs(s)[name]!));
          byFrequency.set(s.frequency, list);
        }
        scores.set(name, byFrequency);
        names.push(name);
        const used = name === "R-mean" || name === "R-median" ? rMethods : [name.slice(2)];
        seconds.set(
          name,
          used.reduce((a, m) => a + (r.seconds[m] ?? 0), 0),
        );
      }
    }
  }
  report(names, scores, seconds, series.length);
  if (rArima && arimaChoices.size > 0) compareOrders(rArima);
}

/** How often Fulcrum's auto.arima picks R's model, and how their AICc compare when it does not. */
function compareOrders(r: RResults) {
  let same = 0;
  let better = 0;
  let worse = 0;
  const shortfalls: number[] = [];
  const worst: string[] = [];
  for (const [name, mine] of arimaChoices) {
    const theirs = r.forecasts[name]?.arima;
    if (!theirs?.order || theirs.aicc === undefined) continue;
    const order = theirs.order;
    const sameOrder = mine.order.every((v, i) => v === order[i]) && mine.constant === theirs.constant;
    if (sameOrder) same++;
    else if (mine.aicc <= theirs.aicc + 1e-6) better++;
    else {
      worse++;
      shortfalls.push(mine.aicc - theirs.aicc);
      worst.push(
        `${name}: ${mine.order.join(",")} ${mine.aicc.toFixed(2)} vs R ${order.join(",")} ${theirs.aicc.toFixed(2)}`,
      );
    }
  }
  shortfalls.sort((a, b) => a - b);
  const median = shortfalls.length > 0 ? shortfalls[Math.floor(shortfalls.length / 2)]! : 0;
  console.log(
    `ARIMA vs R auto.arima: same model ${same}, other model with AICc ≤ R's ${better}, ` +
      `higher AICc ${worse} (median excess ${median.toFixed(2)}) of ${same + better + worse} series`,
  );
  for (const line of worst.slice(0, 10)) console.log(`  ${line}`);
}

function score(s: Series, out: Output): Score {
  const band = out.p10 && out.p90 ? intervalCoverage(s.xx, out.p10, out.p90) : Number.NaN;
  return {
    smape: smape(s.xx, out.point),
    mase: mase(s.xx, out.point, s.x, s.x.length > s.period ? s.period : 1),
    inside: Number.isNaN(band) ? 0 : band * s.h,
    covered: Number.isNaN(band) ? 0 : s.h,
  };
}

function report(
  names: string[],
  scores: Map<string, Map<string, Score[]>>,
  seconds: Map<string, number>,
  count: number,
) {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const groups = ["YEARLY", "QUARTERLY", "MONTHLY", "ALL"];
  const pick = (name: string, group: string) => {
    const byFrequency = scores.get(name)!;
    return group === "ALL" ? [...byFrequency.values()].flat() : (byFrequency.get(group) ?? []);
  };
  console.log(`M1: ${count} series; sMAPE % / MASE / OWA vs Naive2; P10–P90 coverage; series per CPU-second`);
  const header = ["method", ...groups.map((g) => `${g.padStart(22)}`), "coverage", "series/s"];
  console.log(header.join("  "));
  for (const name of names) {
    const cells = groups.map((group) => {
      const list = pick(name, group);
      const base = pick("Naive2", group);
      if (list.length === 0) return "-".padStart(22);
      const s = mean(list.map((x) => x.smape));
      const m = mean(list.map((x) => x.mase));
      const owa = 0.5 * (s / mean(base.map((x) => x.smape)) + m / mean(base.map((x) => x.mase)));
      return `${s.toFixed(2)} ${m.toFixed(3)} ${owa.toFixed(3)}`.padStart(22);
    });
    const all = pick(name, "ALL");
    const covered = all.reduce((a, x) => a + x.covered, 0);
    const coverage =
      covered > 0 ? `${((100 * all.reduce((a, x) => a + x.inside, 0)) / covered).toFixed(1)} %` : "-";
    const speed = (count / seconds.get(name)!).toFixed(1);
    console.log([name.padEnd(8), ...cells, coverage.padStart(8), speed.padStart(8)].join("  "));
  }
}

main();
