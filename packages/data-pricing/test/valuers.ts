import { createRng } from '@x/linalg';
import { banzhafMsr } from '../src/valuation/banzhafMsr.ts';
import { exactSemivalue, exactShapley } from '../src/valuation/exactSemivalue.ts';
import { leaveOneOut } from '../src/valuation/leaveOneOut.ts';
import { permutationShapley } from '../src/valuation/permutationShapley.ts';
import { sampledSemivalue } from '../src/valuation/sampledSemivalue.ts';
import type { Utility } from '../src/valuation/Utility.ts';

/** What every valuation method returns: values, and a standard error if it samples. */
export interface Valuation {
  readonly values: Float64Array;
  readonly standardError?: Float64Array;
}

/** A data-valuation method of the package, as the contract calls it. */
export interface ValuerCase {
  readonly name: string;
  /** The values of n points under a utility (a Monte Carlo method with a fixed seed). */
  readonly value: (n: number, utility: Utility) => Valuation;
  /** Whether the values are exact (no sampling). */
  readonly exact: boolean;
  /** Whether the values sum to U(N) - U(empty) (the Shapley value, by its efficiency axiom). */
  readonly efficient: boolean;
}

const asValuation = (values: Float64Array): Valuation => ({ values });

/** Every valuation method of the package that takes a utility. */
export const VALUER_CASES: readonly ValuerCase[] = [
  {
    name: 'leaveOneOut',
    value: (n, u) => asValuation(leaveOneOut(n, u)),
    exact: true,
    efficient: false,
  },
  {
    name: 'exactShapley',
    value: (n, u) => asValuation(exactShapley(n, u)),
    exact: true,
    efficient: true,
  },
  {
    name: 'exactSemivalue (Banzhaf)',
    value: (n, u) => asValuation(exactSemivalue(n, u, 'banzhaf')),
    exact: true,
    efficient: false,
  },
  {
    name: 'exactSemivalue (Beta(4, 1))',
    value: (n, u) => asValuation(exactSemivalue(n, u, { alpha: 4, beta: 1 })),
    exact: true,
    efficient: false,
  },
  {
    name: 'permutationShapley',
    value: (n, u) => permutationShapley(createRng(1), n, u, { permutations: 300, tolerance: 0 }),
    exact: false,
    efficient: true,
  },
  {
    name: 'sampledSemivalue (Shapley)',
    value: (n, u) => sampledSemivalue(createRng(2), n, u, 'shapley', { samples: 300 }),
    exact: false,
    efficient: false,
  },
  {
    name: 'sampledSemivalue (Banzhaf)',
    value: (n, u) => sampledSemivalue(createRng(3), n, u, 'banzhaf', { samples: 300 }),
    exact: false,
    efficient: false,
  },
  {
    name: 'banzhafMsr',
    value: (n, u) => banzhafMsr(createRng(4), n, u, { samples: 600 }),
    exact: false,
    efficient: false,
  },
];
