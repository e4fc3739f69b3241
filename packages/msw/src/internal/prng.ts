/** The seed a mock uses when given none, so runs are deterministic. */
export const DEFAULT_SEED = 0x5a6e_f37c;

/** mulberry32: a tiny seeded PRNG. Returns numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A reseedable random source: `reset()` restarts the sequence from the seed. */
export class SeededRandom {
  #seed: number;
  #next: () => number;

  constructor(seed: number = DEFAULT_SEED) {
    this.#seed = seed;
    this.#next = mulberry32(seed);
  }

  /** A number in [0, 1). */
  next(): number {
    return this.#next();
  }

  reset(): void {
    this.#next = mulberry32(this.#seed);
  }
}

/** The index drawn by weight (weights ≥ 0, sum > 0). */
export function pickWeighted(weights: readonly number[], random: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let point = random * total;
  for (let i = 0; i < weights.length; i++) {
    point -= weights[i] ?? 0;
    if (point < 0) return i;
  }
  return weights.length - 1;
}
