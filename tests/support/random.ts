/**
 * A seeded pseudo-random source for property tests: a failing run prints its seed, and setting
 * TEST_SEED to it replays the same inputs. (mulberry32: small, fast, and good enough for tests.)
 */
export function seededRandom(label: string) {
  const fromEnv = Number(process.env.TEST_SEED);
  const seed = Number.isInteger(fromEnv) && process.env.TEST_SEED ? fromEnv : Math.floor(Math.random() * 2 ** 32);
  console.info(`${label}: TEST_SEED=${seed}`);
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (below: number) => Math.floor(next() * below);
  return {
    seed,
    next,
    int,
    pick: <T>(items: readonly T[]) => items[int(items.length)]!,
  };
}

// Characters that mean something to regular expressions, LIKE, SQL, URLs and HTML, plus
// letters, spaces, control characters and characters outside the Basic Multilingual Plane.
const ALPHABET = [..."-_%\\^$.*+?()[]{}|/'\"`;:=&#<>!~@ \t\nabcXYZ019éß\u0000\u001f\u007f\u200b😀"];

/** A string of up to `maxLength` characters drawn mostly from the troublesome ones above. */
export function randomQuery(random: ReturnType<typeof seededRandom>, maxLength: number) {
  const length = random.int(maxLength + 1);
  let text = "";
  for (let i = 0; i < length; i++) text += random.next() < 0.9 ? random.pick(ALPHABET) : String.fromCodePoint(random.int(0x10ffff));
  return text;
}
