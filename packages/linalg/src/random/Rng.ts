/**
 * A seeded, splittable, serialisable source of randomness. Every stochastic function in the
 * `@x` packages takes one as its first argument, so that the same seed gives the same result on
 * every machine, in Node and in browsers.
 *
 * What "the same" means: every stream and every draw is bit-identical on every JavaScript
 * engine. The samplers compute their logarithms and exponentials with `@x/linalg/math`, built
 * from IEEE-754 basic operations, not with `Math.log` or `Math.exp`, whose last bits ECMAScript
 * leaves to the engine (a test runs the same seeds in Node and in headless Chromium and compares
 * every bit).
 *
 * Create one with {@link createRng}; restore a saved one with {@link rngFromState}.
 */
export interface Rng {
  /** A uniform draw from $[0, 1)$ with 53 random bits (a multiple of $2^{-53}$). */
  nextFloat64(): number;
  /** A uniform 32-bit signed integer in $[-2^{31}, 2^{31})$: the generator's raw output. */
  nextInt32(): number;
  /** An independent copy in the same state: both produce the same stream from here on. */
  clone(): Rng;
  /**
   * A new generator whose stream does not overlap this one's (a jump of the generator), and
   * advances this one past it. Splits nest five levels deep, each generator splitting up to
   * $2^{16}$ times (see {@link createRng}).
   * @throws RangeError when this generator is five splits deep or has split $2^{16}$ times
   */
  split(): Rng;
  /** The full state as plain JSON data; {@link rngFromState} restores it exactly. */
  getState(): RngState;
}

/** The serialisable state of an {@link Rng}: plain JSON. */
export interface RngState {
  /** The generator algorithm; only `'xoroshiro128+'` exists today. */
  readonly algorithm: 'xoroshiro128+';
  /** The 128-bit state as four 32-bit signed integers, in pure-rand's order. */
  readonly state: readonly [number, number, number, number];
  /** How many splits separate this generator from its root (0 to 5). */
  readonly depth: number;
  /** How many times this generator has split (0 to 65536). */
  readonly splits: number;
}
