import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { assertInteger, formatValue } from '../validate/assert.ts';
import type { Rng, RngState } from './Rng.ts';

/**
 * Jump polynomials of xoroshiro128+ for $2^{112}$, $2^{96}$, $2^{80}$, $2^{64}$ and $2^{48}$
 * steps, as 32-bit words read low word first: the spacing of the children of a generator at
 * split depth 0, 1, 2, 3 and 4. The $2^{96}$ and $2^{64}$ ones are the published LONG_JUMP and
 * JUMP constants; all are regenerated (and those two checked) by `scripts/xoroshiroJumps.py`.
 */
const JUMPS: readonly (readonly number[])[] = [
  [0x60c5acd7, 0x15f2d25b, 0xb9620584, 0x83fd48d6],
  [0x625eee7b, 0xd2a98b26, 0x90aa7ac1, 0xdddf9b10],
  [0xbc7536bc, 0xe754db3f, 0xbefe1366, 0x2adca86f],
  [0xd8f554a5, 0xdf900294, 0x4b3201fc, 0x170865df],
  [0x028deb78, 0xd769cfc9, 0x3752065a, 0x9b19ba6b],
];

/** Splits nest at most this deep: one level per jump size. */
const MAX_DEPTH = JUMPS.length;

/**
 * Splits per generator: each level spaces its children $2^{16}$ times closer than its parent's,
 * so a generator's range holds $2^{16}$ blocks (its own stream and its children's).
 */
const MAX_SPLITS = 65536;

const TWO_POW_M53 = 1 / 9007199254740992;

/**
 * Advances `g` by the number of steps encoded in the jump polynomial `words`: the state after
 * the jump is $\sum_i c_i\, s_i$ over GF(2), where $s_i$ is the state after $i$ steps and $c_i$
 * the polynomial's bits. Exported for tests only (not from the package index).
 */
export function jumpBy(
  g: JumpableRandomGenerator,
  words: readonly number[],
): JumpableRandomGenerator {
  const walker = g.clone();
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  for (const word of words) {
    for (let bit = 0; bit < 32; bit++) {
      if ((word >>> bit) & 1) {
        const s = walker.getState();
        a0 ^= s[0]!;
        a1 ^= s[1]!;
        a2 ^= s[2]!;
        a3 ^= s[3]!;
      }
      walker.next();
    }
  }
  return xoroshiro128plusFromState([a0, a1, a2, a3]);
}

class XoroshiroRng implements Rng {
  #g: JumpableRandomGenerator;
  #depth: number;
  #splits: number;

  constructor(g: JumpableRandomGenerator, depth: number, splits: number) {
    this.#g = g;
    this.#depth = depth;
    this.#splits = splits;
  }

  nextFloat64(): number {
    // High bits only: the low bits of xoroshiro128+ are its weakest (27 + 26 = 53 bits).
    const a = this.#g.next() >>> 5;
    const b = this.#g.next() >>> 6;
    return (a * 67108864 + b) * TWO_POW_M53;
  }

  nextInt32(): number {
    return this.#g.next();
  }

  clone(): Rng {
    return new XoroshiroRng(this.#g.clone(), this.#depth, this.#splits);
  }

  split(): Rng {
    if (this.#depth >= MAX_DEPTH) {
      throw new RangeError(
        `Rng.split: splits nest at most ${MAX_DEPTH} deep, this generator is at depth ${this.#depth}`,
      );
    }
    if (this.#splits >= MAX_SPLITS) {
      throw new RangeError(
        `Rng.split: a generator splits at most ${MAX_SPLITS} times; split a child to go further`,
      );
    }
    const child = new XoroshiroRng(this.#g.clone(), this.#depth + 1, 0);
    this.#g = jumpBy(this.#g, JUMPS[this.#depth]!);
    this.#splits++;
    return child;
  }

  getState(): RngState {
    const s = this.#g.getState();
    return {
      algorithm: 'xoroshiro128+',
      state: [s[0]!, s[1]!, s[2]!, s[3]!],
      depth: this.#depth,
      splits: this.#splits,
    };
  }
}

/** SplitMix64 step on a BigInt state; returns [next state, output]. */
function splitMix64(state: bigint): [bigint, bigint] {
  const mask = (1n << 64n) - 1n;
  const next = (state + 0x9e3779b97f4a7c15n) & mask;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
  return [next, z ^ (z >> 31n)];
}

function toInt32(x: bigint): number {
  return Number(BigInt.asIntN(32, x));
}

/**
 * A new generator from an integer seed: xoroshiro128+ (pure-rand) whose 128-bit state is
 * expanded from the seed by SplitMix64, as its authors recommend, so that nearby seeds give
 * unrelated streams.
 *
 * Splitting forms a tree of non-overlapping streams by jumps of the generator: a root's
 * children start $2^{112}$ steps apart, their children $2^{96}$ apart, then $2^{80}$, $2^{64}$
 * and $2^{48}$: five levels (for example bench trials, simulation runs, environment and policy,
 * arms), each generator splitting up to $2^{16}$ times, and every stream at least $2^{48}$
 * draws long. A single jump size would not do: a grandchild made by "copy, then jump the parent"
 * lands on the stream of the parent's next child. The integer stream for a seed is pinned by
 * tests: changing it is a breaking change.
 *
 * @param seed - an integer in $[0, 2^{53})$
 * @returns a generator at split depth 0
 * @throws RangeError if `seed` is not a non-negative safe integer
 *
 * @example
 * const rng = createRng(42);
 * rng.nextFloat64(); // same value on every machine
 *
 * References: Blackman and Vigna, "Scrambled Linear Pseudorandom Number Generators", ACM TOMS
 * 2021, arXiv:1805.01407 (xoroshiro128+, its jump polynomials and SplitMix64 seeding).
 */
export function createRng(seed: number): Rng {
  assertInteger('createRng', 'seed', seed, 0);
  let state = BigInt(seed);
  const words: number[] = [];
  for (let i = 0; i < 2; i++) {
    const [next, out] = splitMix64(state);
    state = next;
    words.push(toInt32(out >> 32n), toInt32(out));
  }
  // pure-rand's state order is [s0 high, s0 low, s1 high, s1 low].
  if (words[0] === 0 && words[1] === 0 && words[2] === 0 && words[3] === 0) words[3] = 1; // all-zero is a fixed point
  return new XoroshiroRng(xoroshiro128plusFromState(words), 0, 0);
}

/**
 * Restores a generator from {@link Rng.getState}'s output, validating it: the restored
 * generator produces exactly the stream the saved one would have.
 *
 * @throws TypeError if `state` is not an RngState; RangeError if its words or depth are invalid
 */
export function rngFromState(state: RngState): Rng {
  const fn = 'rngFromState';
  if (state === null || typeof state !== 'object') {
    throw new TypeError(`${fn}: state must be an object, got ${formatValue(state)}`);
  }
  if (state.algorithm !== 'xoroshiro128+') {
    throw new TypeError(
      `${fn}: state.algorithm must be 'xoroshiro128+', got ${formatValue(state.algorithm)}`,
    );
  }
  const words = state.state;
  if (!Array.isArray(words) || words.length !== 4) {
    throw new TypeError(
      `${fn}: state.state must be an array of 4 integers, got ${formatValue(words)}`,
    );
  }
  for (let i = 0; i < 4; i++) {
    assertInteger(fn, `state.state[${i}]`, words[i], -(2 ** 31), 2 ** 31 - 1);
  }
  if (words.every((w) => w === 0)) {
    throw new RangeError(`${fn}: state.state must not be all zero (a fixed point)`);
  }
  assertInteger(fn, 'state.depth', state.depth, 0, MAX_DEPTH);
  assertInteger(fn, 'state.splits', state.splits, 0, MAX_SPLITS);
  return new XoroshiroRng(xoroshiro128plusFromState([...words]), state.depth, state.splits);
}
