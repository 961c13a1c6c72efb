// One seeded source of random numbers for all tests, so that a seed names the same
// sequence on every run and platform (a failing random test can be replayed exactly).
export type Random = () => number;

/** mulberry32: numbers in [0, 1), small, fast and the same on every platform. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
