import { describe, expect, it } from 'vitest';
import { onlineRegret, tightRatios } from '../components/contractsDemos.ts';

describe('the contracts guide demos', () => {
  it('show the ratio n - (n - 1) gamma on the tight instance', () => {
    for (const { n, gamma, ratio } of tightRatios())
      expect(Math.abs(ratio - (n - (n - 1) * gamma))).toBeLessThan(1e-6);
  });

  it('show the online regret growing sublinearly', () => {
    const rows = onlineRegret().filter((r) => r.curve === 'LinearContractLearner');
    const last = rows.at(-1)!;
    const half = rows[7]!;
    // Doubling T less than doubles the regret.
    expect(last.regret / half.regret).toBeLessThan(2);
    expect(last.regret).toBeGreaterThan(0);
  });
});
