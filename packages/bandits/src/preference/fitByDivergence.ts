import { type MatrixLike, type Rng, sampleNormal } from '@x/linalg';
import { exp, log } from '@x/linalg/math';
import {
  assertFiniteVector,
  assertInteger,
  assertOneOf,
  assertPositive,
  assertProbabilityVector,
  assertRng,
  readObject,
  toMatrix,
} from '@x/linalg/validate';
import { rowLogSumExp } from './rowLogSumExp.ts';

/** The divergences {@link fitByDivergence} minimises, $D(p \| \pi_\theta)$ or $D(\pi_\theta \| p)$. */
export type PolicyDivergence = 'forward-kl' | 'reverse-kl' | 'jensen-shannon';

/** Options of {@link fitByDivergence}. */
export interface DivergenceFitOptions {
  /**
   * `'forward-kl'`: $\mathrm{KL}(p \| \pi)$, maximum likelihood, mass-covering; `'reverse-kl'`:
   * $\mathrm{KL}(\pi \| p)$, mode-seeking (the RLHF objective's divergence); `'jensen-shannon'`.
   */
  readonly divergence: PolicyDivergence;
  /** Gradient steps. @default 5000 */
  readonly iterations?: number;
  /** The first step size on $\theta$; each step backtracks until the divergence falls. @default 1 */
  readonly learningRate?: number;
  /** The parameters to start from. @default small seeded normal draws */
  readonly start?: ArrayLike<number>;
}

/** A policy of the family fitted to a target. */
export interface DivergenceFit {
  /** $\theta$, one weight per feature. */
  readonly parameters: Float64Array;
  /** $\log\pi_\theta(y)$. */
  readonly logPolicy: Float64Array;
  /** The divergence reached. */
  readonly divergence: number;
}

/**
 * Fits the policy family $\pi_\theta(y) \propto e^{\theta^\top \phi(y)}$ to a target
 * distribution p over K responses by gradient descent on an f-divergence, with the exact
 * gradient (the tabular form of f-DPG): writing $D_f(p \| \pi) = \sum_y \pi(y) f(p(y)/\pi(y))$
 * and $t = p/\pi$, $\nabla_\theta D = \Phi^\top(\pi \odot (g - \langle \pi, g\rangle))$ with
 * $g = f(t) - t f'(t)$: $-t$ for the forward KL ($f = t\log t$, giving $\Phi^\top(\pi - p)$, maximum
 * likelihood), $1 + \log(\pi/p)$ for the reverse KL ($f = -\log t$) and $\tfrac12\log(2/(1+t))$
 * for Jensen-Shannon, each step backtracking until the divergence falls (Armijo). When the family cannot hold p (a unimodal family, a bimodal target) the
 * choice matters. The forward KL is convex in $\theta$ (an exponential family's likelihood): one
 * optimum, moment-matched, covering both modes. The reverse KL is not: a start near a mode stays
 * there (mode-seeking), while a start in between may settle on a broad compromise. Starts from
 * `start`, or from small seeded normal parameters.
 *
 * @param target - p, a probability vector (all entries > 0 for the reverse KL)
 * @param features - $\phi(y)$ as the rows of a K x d matrix
 * @throws TypeError or RangeError on a bad rng, target, features or options
 *
 * @example
 * const target = [0.45, 0.05, 0.05, 0.45]; // two modes
 * const features = [[0, 0], [1, 1], [2, 4], [3, 9]]; // y and y^2: a discretised Gaussian family
 * const seeking = fitByDivergence(createRng(1), target, features, { divergence: 'reverse-kl' });
 * const covering = fitByDivergence(createRng(1), target, features, { divergence: 'forward-kl' });
 *
 * References: Go, Korbak, Kruszewski, Rozen, Ryu and Dymetman, "Aligning Language Models with
 * Preferences through f-divergence Minimization", arXiv:2302.08215 (f-DPG); Minka, "Divergence
 * measures and message passing", 2005 (mode-seeking and mass-covering).
 */
export function fitByDivergence(
  rng: Rng,
  target: ArrayLike<number>,
  features: MatrixLike,
  options: DivergenceFitOptions,
): DivergenceFit {
  const fn = 'fitByDivergence';
  assertRng(fn, rng);
  assertProbabilityVector(fn, 'target', target);
  const K = target.length;
  const phi = toMatrix(fn, 'features', features);
  if (phi.rows !== K)
    throw new RangeError(`${fn}: features must have one row per response (${K}), got ${phi.rows}`);
  const d = phi.columns;
  const F = Float64Array.from(phi.to1DArray());
  for (let i = 0; i < F.length; i++)
    if (!Number.isFinite(F[i]!))
      throw new RangeError(
        `${fn}: features must be finite, got ${F[i]} at row ${Math.floor(i / d)}`,
      );
  const {
    divergence,
    iterations = 5000,
    learningRate = 1,
    start,
  } = readObject(fn, 'options', options);
  if (start !== undefined) assertFiniteVector(fn, 'start', start, d);
  assertOneOf(fn, 'divergence', divergence, ['forward-kl', 'reverse-kl', 'jensen-shannon']);
  assertInteger(fn, 'iterations', iterations, 1, 1 << 24);
  assertPositive(fn, 'learningRate', learningRate);
  if (!(learningRate <= 1e3))
    throw new RangeError(`${fn}: learningRate must be at most 1000, got ${learningRate}`);
  if (divergence === 'reverse-kl')
    for (let y = 0; y < K; y++)
      if (!(target[y]! > 0))
        throw new RangeError(
          `${fn}: target[${y}] must be > 0 for the reverse KL (it is infinite otherwise)`,
        );
  const theta =
    start === undefined
      ? Float64Array.from({ length: d }, () => 0.01 * sampleNormal(rng, 0, 1))
      : Float64Array.from(start);
  const trial = new Float64Array(d);
  const grad = new Float64Array(d);
  const logits = new Float64Array(K);
  const logPi = new Float64Array(K);
  const policy = new Float64Array(K);
  const g = new Float64Array(K);
  // log pi_theta into logPi, and the divergence it reaches.
  const evaluate = (params: Float64Array): number => {
    for (let y = 0; y < K; y++) {
      let z = 0;
      for (let j = 0; j < d; j++) z += F[y * d + j]! * params[j]!;
      logits[y] = z;
    }
    const norm = rowLogSumExp(logits, 0, K);
    let value = 0;
    for (let y = 0; y < K; y++) {
      logPi[y] = logits[y]! - norm;
      const pi = exp(logPi[y]!);
      policy[y] = pi;
      const p = target[y]!;
      if (divergence === 'forward-kl') value += p > 0 ? p * (log(p) - logPi[y]!) : 0;
      else if (divergence === 'reverse-kl') value += pi * (logPi[y]! - log(p));
      else {
        const m = 0.5 * (p + pi);
        value += 0.5 * ((p > 0 ? p * log(p / m) : 0) + (pi > 0 ? pi * log(pi / m) : 0));
      }
    }
    return value;
  };
  let value = evaluate(theta);
  if (!Number.isFinite(value))
    throw new RangeError(
      `${fn}: the divergence at the start is ${value}: features x start overflow (scale them down)`,
    );
  let step = learningRate;
  for (let t = 0; t < iterations; t++) {
    // The gradient at theta (logPi and policy hold pi_theta).
    let mean = 0;
    for (let y = 0; y < K; y++) {
      const pi = policy[y]!;
      const p = target[y]!;
      g[y] =
        divergence === 'forward-kl'
          ? -p / pi
          : divergence === 'reverse-kl'
            ? 1 + logPi[y]! - log(p)
            : 0.5 * log(2 / (1 + p / pi));
      mean += pi * g[y]!;
    }
    let norm2 = 0;
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let y = 0; y < K; y++) s += F[y * d + j]! * policy[y]! * (g[y]! - mean);
      grad[j] = s;
      norm2 += s * s;
    }
    if (!(norm2 > 0)) break;
    // Backtracking (Armijo): halve the step until the divergence falls by a fair share of the
    // linear prediction, then let the next try a step twice as long.
    let accepted = false;
    for (let halvings = 0; halvings < 60; halvings++) {
      for (let j = 0; j < d; j++) trial[j] = theta[j]! - step * grad[j]!;
      const next = evaluate(trial);
      if (next <= value - 0.25 * step * norm2) {
        theta.set(trial);
        value = next;
        accepted = true;
        step = Math.min(2 * step, 1e6);
        break;
      }
      step /= 2;
    }
    if (!accepted) {
      evaluate(theta);
      break; // no step decreases the divergence: a stationary point to rounding
    }
  }
  evaluate(theta);
  return { parameters: theta, logPolicy: Float64Array.from(logPi), divergence: Math.max(0, value) };
}
