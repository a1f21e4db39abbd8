/**
 * Elementary functions that give the same bits in every JavaScript engine.
 *
 * ECMAScript fixes the result of `+`, `-`, `*`, `/` and `Math.sqrt` (correctly rounded), but
 * leaves the last bits of `Math.log`, `Math.exp`, `Math.pow` and the other transcendental
 * functions to the engine: Node 20 and Chromium disagree on about 7% of a sample of arguments,
 * and the `**` operator follows `Math.pow`. These are stdlib's ports of the FreeBSD msun
 * (fdlibm) algorithms, written only with IEEE-754 basic operations and bit manipulation, so they
 * give the same result in V8, SpiderMonkey and JavaScriptCore. Every `@x` package computes with
 * them, so a seeded run gives the same numbers on every machine; use them in your own policies
 * and environments for the same guarantee. Each is within about 1 ulp of the exact value.
 *
 * They cost about twice the engine's built-in per call (bench experiment `linalg/perf-elementary`).
 *
 * @example
 * import { exp, log } from '@x/linalg/math';
 * log(exp(0.5)); // 0.5 in Node, Chromium, Firefox and Safari alike
 *
 * References: the FreeBSD msun library (fdlibm, Sun Microsystems, 1993), as ported by stdlib
 * (`@stdlib/math-base-special-*`).
 *
 * @packageDocumentation
 * @module @x/linalg/math
 */

/** The natural logarithm $\ln x$ (NaN below 0, -Infinity at 0), the same bits in every engine. */
export const log: (x: number) => number = stdlibLn;

/** $e^x$, the same bits in every engine. */
export const exp: (x: number) => number = stdlibExp;

/** $\ln(1 + x)$, accurate near 0, the same bits in every engine. */
export const log1p: (x: number) => number = stdlibLog1p;

/** $e^x - 1$, accurate near 0, the same bits in every engine. */
export const expm1: (x: number) => number = stdlibExpm1;

/** $x^y$ (exact for integer results that fit a double), the same bits in every engine. */
export const pow: (x: number, y: number) => number = stdlibPow;

/** $\cos x$ (radians), the same bits in every engine. */
export const cos: (x: number) => number = stdlibCos;

// Imports are hoisted: they sit last so that the comment above opens the declaration file.
import stdlibCos from '@stdlib/math-base-special-cos';
import stdlibExp from '@stdlib/math-base-special-exp';
import stdlibExpm1 from '@stdlib/math-base-special-expm1';
import stdlibLn from '@stdlib/math-base-special-ln';
import stdlibLog1p from '@stdlib/math-base-special-log1p';
import stdlibPow from '@stdlib/math-base-special-pow';
