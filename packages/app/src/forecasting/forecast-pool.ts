// Forecasts many series on all cores: the pure engine runs in worker threads that take batches
// from a shared queue. Results land by request index, and each series is forecast on its own
// (seeded), so the output is the same for any number of workers.

import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { autoForecast, type ForecastRequest, type ForecastResult } from "@fulcrum/engines";
import type { ForecastBatch } from "./forecast-worker";

export interface ForecastPoolOptions {
  /** Worker threads; 0 runs in this thread. Default: one per core, in-thread below `minimumForWorkers`. */
  readonly workers?: number;
  /** Series per message; large enough that messaging costs little, small enough to balance. */
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Aborting stops the workers and rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** Below this many series, starting threads (about half a second each) costs more than it saves. */
const MINIMUM_FOR_WORKERS = 400;
const DEFAULT_BATCH = 32;

export async function forecastMany(
  requests: readonly ForecastRequest[],
  options: ForecastPoolOptions = {},
): Promise<ForecastResult[]> {
  const total = requests.length;
  const workers = options.workers ?? (total < MINIMUM_FOR_WORKERS ? 0 : Math.min(availableParallelism(), 16));
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  const onProgress = options.onProgress ?? (() => {});
  options.signal?.throwIfAborted();
  if (workers === 0 || total === 0) return forecastInThread(requests, batchSize, onProgress, options.signal);

  const results = new Array<ForecastResult>(total);
  const batches = Math.ceil(total / batchSize);
  let next = 0;
  let done = 0;
  const threads = Array.from({ length: Math.min(workers, batches) }, startWorker);
  try {
    await new Promise<void>((resolve, reject) => {
      const abort = () => reject(options.signal!.reason);
      options.signal?.addEventListener("abort", abort, { once: true });
      let finished = 0;
      for (const thread of threads) {
        const give = () => {
          if (next >= batches) {
            if (++finished === threads.length) resolve();
            return;
          }
          const batch = next++;
          const message: ForecastBatch = {
            batch,
            requests: requests.slice(batch * batchSize, (batch + 1) * batchSize),
          };
          thread.postMessage(message);
        };
        thread.on(
          "message",
          ({ batch, results: batchResults }: { batch: number; results: ForecastResult[] }) => {
            batchResults.forEach((result, i) => {
              results[batch * batchSize + i] = result;
            });
            done += batchResults.length;
            onProgress(done, total);
            give();
          },
        );
        thread.on("error", reject);
        thread.on("exit", (code) => {
          if (code !== 0 && next < batches) reject(new Error(`forecast worker exited with code ${code}`));
        });
        give();
      }
    });
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
  return results;
}

async function forecastInThread(
  requests: readonly ForecastRequest[],
  batchSize: number,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal | undefined,
): Promise<ForecastResult[]> {
  const results: ForecastResult[] = [];
  for (const request of requests) {
    results.push(autoForecast(request));
    if (results.length % batchSize === 0 || results.length === requests.length) {
      onProgress(results.length, requests.length);
      // Let the event loop breathe (heartbeats, cancellation) between batches.
      await new Promise((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
    }
  }
  return results;
}

/**
 * Fulcrum runs its TypeScript through tsx; a worker thread does not inherit the loader, so a .ts
 * worker first registers tsx's ESM hooks in its own thread.
 */
function startWorker(): Worker {
  const url = new URL("./forecast-worker.ts", import.meta.url);
  const api = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(bootstrap, { eval: true });
}
