import { describe, expect, it } from 'vitest';
import { gammaHistogramData, slopeFit } from '../components/linalgDemos.ts';

describe('the guide pages demos', () => {
  it('compute their data deterministically (same figure on every visit)', () => {
    expect(gammaHistogramData()).toEqual(gammaHistogramData());
    expect(slopeFit().caption).toBe(slopeFit().caption);
  });
  it('show a histogram that matches the exact bin probabilities', () => {
    // Total variation between binned draws and the law, summed over bins: about
    // sqrt(bins / (2 pi n)) ~ 0.02 for n = 20,000 and 48 bins; 0.05 allows for sampling error.
    const rows = gammaHistogramData();
    const tv = 0.5 * rows.reduce((s, r) => s + Math.abs(r.sampled - r.exact) * 0.25, 0);
    expect(tv).toBeLessThan(0.05);
  });
  it('show a square-root curve with a fitted slope near 1/2', () => {
    const caption = String(slopeFit().caption);
    const slope = Number(/fitted slope ([\d.]+)/.exec(caption)?.[1]);
    expect(Math.abs(slope - 0.5)).toBeLessThan(0.05);
  });
});
