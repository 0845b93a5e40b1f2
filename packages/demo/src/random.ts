// Seeded randomness for the demo company. Each purpose and SKU draws from its own stream, so
// changing how one part is generated does not reshuffle every other part.

import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

export class Rng {
  private readonly source: ReturnType<typeof xoroshiro128plus>;

  constructor(seed: number) {
    this.source = xoroshiro128plus(seed | 0);
  }

  /** Uniform in [0, 1) with 32 bits of resolution: plenty for demo data at one step per draw. */
  float(): number {
    return (this.source.next() >>> 0) / 4_294_967_296;
  }

  between(low: number, high: number): number {
    return low + (high - low) * this.float();
  }

  /** Uniform whole number in [low, high], both included. */
  int(low: number, high: number): number {
    return low + Math.floor(this.float() * (high - low + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** Standard normal by Box–Muller; 1 − u keeps the logarithm finite. */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median: median · e^(σ·z). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      const held = items[i]!;
      items[i] = items[j]!;
      items[j] = held;
    }
    return items;
  }

  /** `count` distinct indexes drawn with probability proportional to `weights`. */
  weightedSample(weights: readonly number[], count: number): number[] {
    const keys = weights.map((w, i) => ({ i, key: w > 0 ? this.float() ** (1 / w) : -1 }));
    keys.sort((a, b) => b.key - a.key || a.i - b.i);
    return keys.slice(0, Math.min(count, weights.length)).map((k) => k.i);
  }
}

/** A stream for one purpose (and one item of it), derived from the company seed. */
export function stream(seed: number, purpose: string, index = 0): Rng {
  let h = 2_166_136_261;
  for (let i = 0; i < purpose.length; i++) h = Math.imul(h ^ purpose.charCodeAt(i), 16_777_619);
  return new Rng(mix(mix(seed ^ h) + index));
}

/** MurmurHash3's 32-bit finaliser: nearby seeds give unrelated generator states. */
function mix(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85eb_ca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2_ae35);
  return (h ^ (h >>> 16)) | 0;
}
