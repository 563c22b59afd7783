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

// Characters that mean something to regular expressions, LIKE, SQL, URLs and HTML, plus
// letters, spaces, control characters and characters outside the Basic Multilingual Plane.
const TROUBLESOME = [..."-_%\\^$.*+?()[]{}|/'\"`;:=&#<>!~@ \t\nabcXYZ019éß\u0000\u001f\u007f\u200b😀"];

/** A string of up to `maxLength` characters, mostly of the troublesome ones above, any code point otherwise. */
export function randomText(random: () => number, maxLength: number) {
  const below = (n: number) => Math.floor(random() * n);
  let text = "";
  for (let i = below(maxLength + 1); i > 0; i--)
    text += random() < 0.9 ? TROUBLESOME[below(TROUBLESOME.length)] : String.fromCodePoint(below(0x110000));
  return text;
}
