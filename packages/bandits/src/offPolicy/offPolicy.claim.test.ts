import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { logData, TARGET, targetOf, VALUE } from '../../test/loggedBandit.ts';
import { doublyRobustEstimate } from './doublyRobustEstimate.ts';
import { ipsEstimate } from './ipsEstimate.ts';

describe('off-policy estimators', () => {
  it('claim: IPS and DR are unbiased and their 95% intervals cover the true value about 95% of the time', () => {
    const rng = createRng(21);
    const m = 300;
    let ipsCovered = 0;
    let drCovered = 0;
    let ipsSum = 0;
    let drSum = 0;
    let ipsSe = 0;
    let drSe = 0;
    const wrongModel = [0.5, 0.5, 0.5]; // DR stays unbiased with a wrong reward model
    for (let k = 0; k < m; k++) {
      const d = logData(rng, 400);
      const ips = ipsEstimate(d, targetOf(d));
      const dr = doublyRobustEstimate(
        d,
        Array.from({ length: 400 }, () => TARGET),
        Array.from({ length: 400 }, () => wrongModel),
      );
      ipsSum += ips.value;
      drSum += dr.value;
      ipsSe += ips.standardError / m;
      drSe += dr.standardError / m;
      if (ips.ci[0] <= VALUE && VALUE <= ips.ci[1]) ipsCovered++;
      if (dr.ci[0] <= VALUE && VALUE <= dr.ci[1]) drCovered++;
    }
    // The mean of m independent estimates has standard deviation (typical se) / sqrt(m).
    expect(Math.abs(ipsSum / m - VALUE)).toBeLessThan((4 * ipsSe) / Math.sqrt(m));
    expect(Math.abs(drSum / m - VALUE)).toBeLessThan((4 * drSe) / Math.sqrt(m));
    const sd = Math.sqrt(m * 0.95 * 0.05);
    for (const covered of [ipsCovered, drCovered])
      expect(Math.abs(covered - 0.95 * m)).toBeLessThan(4 * sd);
  });
});
