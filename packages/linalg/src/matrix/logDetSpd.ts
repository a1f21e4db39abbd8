import { log } from '../math/index.ts';
import { choleskyFactor } from './choleskyFactor.ts';
import type { MatrixLike } from './toMatrix.ts';

/**
 * $\log\det A$ of a symmetric positive-definite matrix, $2\sum_i \log L_{ii}$ from its Cholesky
 * factor: no overflow of the determinant itself, which for d = 100 easily exceeds $10^{308}$.
 *
 * @throws TypeError if A is not square; RangeError if it is not symmetric positive-definite
 *
 * @example
 * logDetSpd([[4, 1], [1, 3]]); // ln 11, without forming the determinant
 */
export function logDetSpd(a: MatrixLike): number {
  const l = choleskyFactor('logDetSpd', 'a', a);
  let s = 0;
  for (let i = 0; i < l.rows; i++) s += log(l.get(i, i));
  return 2 * s;
}
