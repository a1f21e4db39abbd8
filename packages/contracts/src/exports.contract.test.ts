import { describe, expect, it } from 'vitest';
import { moduleViolations } from '../../../test/contract.ts';
import { CASES } from '../test/exportCases.ts';
import * as api from './index.ts';

describe('@x/contracts: the export contract', () => {
  it('every export rejects bad arguments with its own name, never returns NaN, and keeps its state valid', async () => {
    const violations = await moduleViolations(api, CASES);
    expect(violations).toEqual([]);
  }, 300_000);
});
