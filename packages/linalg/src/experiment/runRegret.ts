import type { Rng } from '../random/Rng.ts';
import { assertFunction, formatValue, readObject } from '../validate/assert.ts';
import type { RunResult } from './RunResult.ts';
import { type RunStreams, runExperimentAs } from './runExperiment.ts';
import type { SimulationOptions } from './SimulationOptions.ts';

/**
 * {@link runExperiment} for the common case of a regret curve: each round returns its own
 * regret (a gap in expected reward, say), and the cumulative regret is recorded at the
 * checkpoints as the series `regret`. Simulators whose regret is not a sum of per-round terms
 * (regret against the best fixed arm in hindsight) use `runExperiment` directly.
 *
 * @param startRun - prepares run i from its streams and returns the function that plays one
 *   round and returns its regret
 * @throws TypeError or RangeError on bad options; whatever the experiment throws
 *
 * @example
 * // Always playing the worse of two arms (means 0.5 and 0.7): regret 0.2 per round.
 * const r = runRegret(createRng(1), { rounds: 100, checkpoints: [10, 100] }, () => () => 0.2);
 * r.series.regret.mean; // [2, 20], up to rounding
 */
export function runRegret(
  rng: Rng,
  options: SimulationOptions,
  startRun: (streams: RunStreams) => () => number,
): RunResult<'regret'> {
  return runRegretAs('runRegret', rng, options, startRun);
}

/** `runRegret` for the packages' simulators: every error names `fn`. @internal */
export function runRegretAs(
  fn: string,
  rng: Rng,
  options: SimulationOptions,
  startRun: (streams: RunStreams) => () => number,
): RunResult<'regret'> {
  assertFunction(fn, 'startRun', startRun);
  return runExperimentAs(
    fn,
    rng,
    { ...readObject(fn, 'options', options), series: ['regret'] },
    (streams) => {
      const round = startRun(streams);
      if (typeof round !== 'function')
        throw new TypeError(
          `${fn}: startRun must return the function that plays a round, got ${formatValue(round)}`,
        );
      let regret = 0;
      return {
        step() {
          regret += round();
        },
        measure(out) {
          out[0] = regret;
        },
      };
    },
  );
}
