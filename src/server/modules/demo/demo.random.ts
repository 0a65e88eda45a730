/** Small helpers over a seeded PRNG (see mulberry32 in demo.generator.ts): the same seed, the same choices. */
export type Rng = () => number;

/** A whole number from 0 to n - 1. */
export const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
/** A whole number from min to max, both included. */
export const between = (rng: Rng, min: number, max: number): number => min + int(rng, max - min + 1);
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[int(rng, list.length)];
export const chance = (rng: Rng, p: number): boolean => rng() < p;

export function weighted<T>(rng: Rng, items: readonly T[], weight: (t: T) => number): T {
  const total = items.reduce((s, t) => s + weight(t), 0);
  let r = rng() * total;
  for (const t of items) {
    r -= weight(t);
    if (r < 0) return t;
  }
  return items[items.length - 1];
}

/** A shuffled copy (Fisher-Yates). */
export function shuffled<T>(rng: Rng, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = int(rng, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Up to n distinct items, in random order. */
export function sample<T>(rng: Rng, list: readonly T[], n: number): T[] {
  return shuffled(rng, list).slice(0, n);
}
