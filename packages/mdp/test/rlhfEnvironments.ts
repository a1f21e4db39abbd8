/** A small environment class for the RLHF tests. */
import { Mdp } from '../src/model/Mdp.ts';
import { EnvironmentClass } from '../src/rlhf/EnvironmentClass.ts';

export const sigma = (x: number) => 1 / (1 + Math.exp(-x));

/** Two environments on 2 states and 2 actions that differ in rewards and one transition row. */
export function twoEnvironments(): EnvironmentClass {
  const P = (p: number) => [
    [
      [p, 1 - p],
      [0.5, 0.5],
    ],
    [
      [0.3, 0.7],
      [0.9, 0.1],
    ],
  ];
  return new EnvironmentClass({
    environments: [
      Mdp.fromDense(P(0.2), [
        [0.9, 0.1],
        [0.2, 0.6],
      ]),
      Mdp.fromDense(P(0.6), [
        [0.1, 0.8],
        [0.5, 0.3],
      ]),
    ],
    prior: [0.3, 0.7],
    horizon: 2,
  });
}
