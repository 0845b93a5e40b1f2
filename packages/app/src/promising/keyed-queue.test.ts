import { describe, expect, it } from "vitest";
import { KeyedQueue } from "./keyed-queue";

const tick = () => new Promise((done) => setImmediate(done));

describe("keyed queue", () => {
  it("runs work sharing a key one at a time, in arrival order, and other keys alongside", async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const job = (name: string, keys: string[]) =>
      queue.run(keys, async () => {
        log.push(`${name} start`);
        await tick();
        log.push(`${name} end`);
      });
    await Promise.all([job("a", ["x"]), job("b", ["x", "y"]), job("c", ["z"]), job("d", ["y"])]);
    // b waits for a (x); d waits for b (y); c shares nothing and starts at once.
    expect(log.indexOf("b start")).toBeGreaterThan(log.indexOf("a end"));
    expect(log.indexOf("d start")).toBeGreaterThan(log.indexOf("b end"));
    expect(log.indexOf("c start")).toBeLessThan(log.indexOf("a end"));
  });

  it("lets the next run go when one fails", async () => {
    const queue = new KeyedQueue();
    const failed = queue.run(["x"], async () => {
      throw new Error("no");
    });
    await expect(failed).rejects.toThrow("no");
    expect(await queue.run(["x"], async () => 1)).toBe(1);
  });
});
