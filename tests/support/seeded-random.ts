/**
 * Random test input that can be replayed: a small seeded generator (mulberry32, no Math.random),
 * and the seed a test runs with, from an environment variable when set.
 */

/** The seed named by the environment variable when it is set (to replay a failure), else a new one. */
export function testSeed(variable: string): number {
  const given = process.env[variable];
  if (given === undefined || given === "") return Date.now() % 2 ** 32;
  const seed = Number(given);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`${variable} must be a whole number, not ${JSON.stringify(given)}`);
  return seed;
}

/** Numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
