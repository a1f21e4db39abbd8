import { describe, expect, it } from 'vitest';
import { moduleViolations } from '../../../test/contract.ts';
import { CASES, EXPERIMENT_CASES, MATH_CASES, VALIDATE_CASES } from '../test/exportCases.ts';
import * as experiment from './experiment/index.ts';
import * as api from './index.ts';
import * as math from './math/index.ts';
import * as validate from './validate/index.ts';

describe('@x/linalg: the export contract', () => {
  it.each([
    ['@x/linalg', api, CASES],
    ['@x/linalg/experiment', experiment, EXPERIMENT_CASES],
    ['@x/linalg/math', math, MATH_CASES],
    ['@x/linalg/validate', validate, VALIDATE_CASES],
  ] as const)(
    'every export of %s rejects bad arguments with its own name and never returns NaN',
    async (_, module, cases) => {
      const violations = await moduleViolations(module as Record<string, unknown>, cases);
      expect(violations).toEqual([]);
    },
    120_000,
  );
});
