import { fc, test } from '@fast-check/vitest';
import { inverse, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/createRng.ts';
import { MultivariateNormal } from '../random/MultivariateNormal.ts';
import { axpy } from './axpy.ts';
import { bicgstab } from './bicgstab.ts';
import { choleskySolve } from './choleskySolve.ts';
import { conditionNumber } from './conditionNumber.ts';
import { dot } from './dot.ts';
import { logDetSpd } from './logDetSpd.ts';
import { luSolve } from './luSolve.ts';
import { norm1, norm2, normInf } from './norms.ts';
import { randomOrthogonal } from './randomOrthogonal.ts';
import { randomSpd } from './randomSpd.ts';
import { shermanMorrisonUpdate } from './shermanMorrisonUpdate.ts';
import { symmetricInverseSqrt, symmetricSqrt } from './symmetricSqrt.ts';

const EPS = Number.EPSILON;
const maxAbsDiff = (a: Matrix, b: Matrix) => a.clone().sub(b).abs().max();
const spectrum = fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), {
  minLength: 1,
  maxLength: 8,
});

describe('vector kernels', () => {
  it('dot, axpy and norms', () => {
    expect(dot([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(Array.from(axpy(2, [1, 1], Float64Array.of(1, 2)))).toEqual([3, 4]);
    expect(norm2([3, 4])).toBe(5);
    expect(norm2([1e200, 1e200])).toBeCloseTo(Math.SQRT2 * 1e200, -185);
    expect(norm2([1e-200, 1e-200]) / 1e-200).toBeCloseTo(Math.SQRT2, 14);
    expect(norm1([-1, 2])).toBe(3);
    expect(normInf([-7, 2])).toBe(7);
    expect(() => dot([1], [1, 2])).toThrow(/dot: x and y must have equal lengths, got 1 and 2/);
  });
  it('reject non-finite entries by name, and axpy leaves y untouched', () => {
    expect(() => dot([1, Number.NaN], [1, 2])).toThrow(
      /dot: x\[1\] must be a finite number, got NaN/,
    );
    expect(() => dot([1e200, 1], [1e200, 1])).toThrow(/dot: the inner product overflowed/);
    expect(() => norm2([1, Number.POSITIVE_INFINITY])).toThrow(
      /norm2: x\[1\] must be a finite number/,
    );
    expect(() => norm1([Number.NaN])).toThrow(/norm1: x\[0\]/);
    expect(() => normInf([0, Number.NEGATIVE_INFINITY])).toThrow(/normInf: x\[1\]/);
    const y = Float64Array.of(1, 2);
    expect(() => axpy(1, [1, Number.NaN], y)).toThrow(/axpy: x\[1\] must be a finite number/);
    expect(() => axpy(Number.NaN, [1, 1], y)).toThrow(/axpy: a must be finite/);
    expect(Array.from(y)).toEqual([1, 2]);
  });
});

describe('Cholesky-based helpers', () => {
  test.prop([spectrum, fc.nat()], { seed: 1 })(
    'choleskySolve solves A x = b with a backward-stable residual',
    (ev, seed) => {
      const rng = createRng(seed);
      const a = randomSpd(rng, ev);
      const b = ev.map((_, i) => Math.sin(i + 1));
      const x = choleskySolve(a, b);
      const r = a.mmul(Matrix.columnVector(Array.from(x))).sub(Matrix.columnVector(b));
      // Backward stability: ||r|| <~ c n eps ||A|| ||x||.
      const bound = 10 * ev.length * EPS * Math.max(...ev) * norm2(x);
      expect(r.norm()).toBeLessThan(bound + 1e-300);
    },
  );

  test.prop([spectrum, fc.nat()], { seed: 2 })(
    'logDetSpd equals the log of the product of the spectrum',
    (ev, seed) => {
      const a = randomSpd(createRng(seed), ev);
      const expected = ev.reduce((s, l) => s + Math.log(l), 0);
      // Eigenvalue perturbation ~ n eps ||A||, relative to the smallest eigenvalue.
      const tol = 10 * ev.length * EPS * (Math.max(...ev) / Math.min(...ev)) * ev.length;
      expect(Math.abs(logDetSpd(a) - expected)).toBeLessThan(tol);
    },
  );

  it('rejects non-symmetric and indefinite matrices, naming the entry', () => {
    expect(() =>
      choleskySolve(
        [
          [1, 2],
          [0, 1],
        ],
        [1, 1],
      ),
    ).toThrow(/choleskySolve: a must be symmetric, but \[1\]\[0\] = 0/);
    expect(() =>
      logDetSpd([
        [1, 2],
        [2, 1],
      ]),
    ).toThrow(/logDetSpd: a must be positive-definite/);
    expect(() =>
      choleskySolve(
        [
          [1, 0],
          [0, 1],
        ],
        [1],
      ),
    ).toThrow(TypeError);
    expect(() =>
      logDetSpd([
        [1, Number.NaN],
        [Number.NaN, 1],
      ]),
    ).toThrow(/a\[0\]\[1\] must be finite, got NaN/);
    expect(() => logDetSpd([[1, 2, 3]])).toThrow(/must be square, got 1x3/);
  });
});

describe('symmetric square roots', () => {
  test.prop([spectrum, fc.nat()], { seed: 3 })(
    'sqrt(A)^2 = A and A^(-1/2) A A^(-1/2) = I',
    (ev, seed) => {
      const a = randomSpd(createRng(seed), ev);
      const s = symmetricSqrt(a);
      const kappa = Math.max(...ev) / Math.min(...ev);
      const n = ev.length;
      expect(maxAbsDiff(s.mmul(s), a)).toBeLessThan(100 * n * EPS * Math.max(...ev));
      const w = symmetricInverseSqrt(a);
      expect(maxAbsDiff(w.mmul(a).mmul(w), Matrix.eye(n))).toBeLessThan(100 * n * EPS * kappa);
    },
  );
  it('sqrt of a PSD matrix with a zero eigenvalue is allowed; inverse sqrt is not', () => {
    const a = [
      [1, 1],
      [1, 1],
    ];
    const s = symmetricSqrt(a);
    expect(maxAbsDiff(s.mmul(s), new Matrix(a))).toBeLessThan(1e-15);
    expect(() => symmetricInverseSqrt(a)).toThrow(
      /symmetricInverseSqrt: a must be positive-definite/,
    );
    expect(() =>
      symmetricSqrt([
        [-1, 0],
        [0, 1],
      ]),
    ).toThrow(/positive semi-definite, got eigenvalue -1/);
  });
});

describe('Sherman-Morrison', () => {
  test.prop([spectrum, fc.nat()], { seed: 4 })(
    'rank-one update equals the direct inverse of A + u v^T',
    (ev, seed) => {
      const rng = createRng(seed);
      const n = ev.length;
      const a = randomSpd(rng, ev);
      const u = Array.from({ length: n }, (_, i) => Math.cos(i + seed));
      const v = Array.from({ length: n }, (_, i) => 0.5 * Math.sin(i * seed));
      const inv = Float64Array.from(inverse(a).to1DArray());
      const denom = shermanMorrisonUpdate(inv, u, v, { scratch: new Float64Array(2 * n) });
      const direct = inverse(a.clone().add(Matrix.columnVector(u).mmul(Matrix.rowVector(v))));
      const got = Matrix.from1DArray(n, n, inv);
      // Conditioning of the update: errors scale with ||A^-1|| / |denom| and ||(A + uv^T)^-1||.
      const scale =
        direct.clone().abs().max() *
        (1 + 1 / Math.abs(denom)) *
        (Math.max(...ev) / Math.min(...ev) + 1);
      expect(maxAbsDiff(got, direct)).toBeLessThan(100 * n * EPS * scale);
    },
  );
  it('leaves the inverse untouched when the update would be singular', () => {
    const inv = Float64Array.of(1, 0, 0, 1);
    expect(() => shermanMorrisonUpdate(inv, [1, 0], [-1, 0])).toThrow(/singular/);
    expect(Array.from(inv)).toEqual([1, 0, 0, 1]);
    expect(() => shermanMorrisonUpdate(inv, [1, 0, 0])).toThrow(TypeError);
    expect(() => shermanMorrisonUpdate(inv, [1, Number.NaN])).toThrow(
      /u\[1\] must be a finite number/,
    );
  });
});

describe('random matrices', () => {
  test.prop([fc.integer({ min: 1, max: 12 }), fc.nat()], { seed: 5 })(
    'randomOrthogonal is orthogonal',
    (n, seed) => {
      const q = randomOrthogonal(createRng(seed), n);
      expect(maxAbsDiff(q.transpose().mmul(q), Matrix.eye(n))).toBeLessThan(20 * n * EPS);
    },
  );
  test.prop([spectrum, fc.nat()], { seed: 6 })(
    'randomSpd has the requested condition number',
    (ev, seed) => {
      const kappa = Math.max(...ev) / Math.min(...ev);
      expect(Math.abs(conditionNumber(randomSpd(createRng(seed), ev)) - kappa)).toBeLessThan(
        100 * ev.length * EPS * kappa * kappa,
      );
    },
  );
  it('randomOrthogonal is Haar: an entry has mean 0 and variance 1/n (within 4 standard errors)', () => {
    const rng = createRng(7);
    const n = 4;
    const m = 4000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < m; i++) {
      const x = randomOrthogonal(rng, n).get(0, 0);
      s += x;
      s2 += x * x;
    }
    // For Haar Q, Q00^2 ~ Beta(1/2, (n-1)/2): mean 1/n, variance 2(n-1)/(n^2 (n+2)).
    const varQ2 = (2 * (n - 1)) / (n * n * (n + 2));
    expect(Math.abs(s / m)).toBeLessThan(4 * Math.sqrt(1 / n / m));
    expect(Math.abs(s2 / m - 1 / n)).toBeLessThan(4 * Math.sqrt(varQ2 / m));
  });
  it('conditionNumber is infinite for a singular matrix', () => {
    expect(
      conditionNumber([
        [1, 2],
        [2, 4],
      ]),
    ).toBeGreaterThan(1e15);
  });
});

describe('Sherman-Morrison symmetry', () => {
  it('keeps a symmetric inverse exactly symmetric over many rank-one updates (v = u)', () => {
    const d = 6;
    const inv = new Float64Array(d * d);
    for (let i = 0; i < d; i++) inv[i * d + i] = 1;
    const rng = createRng(9);
    const x = new Float64Array(d);
    for (let t = 0; t < 2000; t++) {
      for (let i = 0; i < d; i++) x[i] = rng.nextFloat64() - 0.5;
      shermanMorrisonUpdate(inv, x);
    }
    for (let i = 0; i < d; i++)
      for (let j = 0; j < i; j++) expect(inv[i * d + j]).toBe(inv[j * d + i]);
  });
});

describe('luSolve', () => {
  test.prop([spectrum, fc.nat()], { seed: 11 })(
    'solves non-symmetric systems with a backward-stable residual',
    (ev, seed) => {
      const n = ev.length;
      const rng = createRng(seed);
      const a = randomSpd(rng, ev).mmul(randomOrthogonal(rng, n));
      const b = ev.map((_, i) => Math.cos(i));
      const x = luSolve(a, b);
      const r = a.mmul(Matrix.columnVector(Array.from(x))).sub(Matrix.columnVector(b));
      expect(r.norm()).toBeLessThan(100 * n * EPS * Math.max(...ev) * norm2(x) + 1e-300);
    },
  );
  it('rejects a singular matrix', () => {
    expect(() =>
      luSolve(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 1],
      ),
    ).toThrow(/singular/);
  });
});

describe('bicgstab', () => {
  test.prop([spectrum, fc.nat()], { seed: 12 })(
    'matches the LU solution of a non-symmetric well-conditioned system',
    (ev, seed) => {
      const n = ev.length;
      const rng = createRng(seed);
      // I - 0.9 Q with Q a random orthogonal matrix: eigenvalues in the disk |z - 1| <= 0.9.
      const a = Matrix.eye(n).sub(randomOrthogonal(rng, n).mul(0.9));
      const b = ev.map((_, i) => Math.sin(i + 1));
      const direct = luSolve(a, b);
      const r = bicgstab(
        (v, out) => {
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < n; j++) s += a.get(i, j) * v[j]!;
            out[i] = s;
          }
        },
        b,
        { tolerance: 1e-13 },
      );
      expect(r.converged).toBe(true);
      // Forward error <= condition number (<= 19 here) x relative residual x |x|.
      for (let i = 0; i < n; i++)
        expect(Math.abs(r.x[i]! - direct[i]!)).toBeLessThan(19 * 1e-12 * (norm2(direct) + 1));
    },
  );
});

describe('matrices symmetric in exact arithmetic, not bit for bit', () => {
  // 0.1 + 0.2 = 0.30000000000000004: the two triangles differ in the last bit.
  const nearlySymmetric = [
    [2, 0.1 + 0.2],
    [0.3, 2],
  ];

  it('factor, solve and give the log-determinant of the symmetric part', () => {
    const x = choleskySolve(nearlySymmetric, [1, 1]);
    expect(Math.abs(x[0]! - 1 / 2.3)).toBeLessThan(4 * EPS);
    expect(Math.abs(x[1]! - 1 / 2.3)).toBeLessThan(4 * EPS);
    expect(Math.abs(logDetSpd(nearlySymmetric) - Math.log(4 - 0.09))).toBeLessThan(8 * EPS);
    const mvn = new MultivariateNormal([0, 0], nearlySymmetric);
    expect(mvn.sample(createRng(1)).length).toBe(2);
    expect(symmetricSqrt(nearlySymmetric).rows).toBe(2);
  });

  it('still reject an asymmetry far above rounding, naming the entries', () => {
    expect(() =>
      logDetSpd([
        [2, 0.3 + 1e-6],
        [0.3, 2],
      ]),
    ).toThrow(/logDetSpd: a must be symmetric, but \[1\]\[0\] = 0.3 and \[0\]\[1\] = 0.3000009/);
  });

  it('reject a malformed array of rows before allocating rows x columns', () => {
    const wide = new Float64Array(30_000);
    const rows = { length: 30_000, 0: wide, 1: [1, 2] } as unknown as number[][];
    expect(() => logDetSpd(rows)).toThrow(
      /logDetSpd: a must be rectangular: row 1 has length 2, expected 30000/,
    );
  });
});
