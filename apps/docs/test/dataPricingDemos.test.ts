import { describe, expect, it } from 'vitest';
import {
  forecastValueByPrior,
  informationGainByDirection,
  menuRevenueBySpread,
  mislabelValues,
  removalCurves,
} from '../components/dataPricingDemos.ts';

describe('the data-pricing guide demos', () => {
  it('find most flipped labels among the lowest-valued points', () => {
    const points = mislabelValues();
    const lowest = [...points].sort((a, b) => a.value - b.value).slice(0, 12);
    expect(lowest.filter((p) => p.flipped).length).toBeGreaterThanOrEqual(8);
  });

  it('show removing high-value points hurting more than removing low-value points', () => {
    const rows = removalCurves();
    const at = (order: string) => rows.filter((r) => r.order === order).at(6)!.accuracy;
    expect(at('lowest value first')).toBeGreaterThan(at('highest value first') + 0.1);
  });

  it('value a request most along the direction the buyer knows least', () => {
    const rows = informationGainByDirection();
    const best = rows.reduce((a, b) => (b.gain > a.gain ? b : a));
    expect(best.angle).toBe(0);
    // Across the well-known direction (90 degrees) the request is worth far less.
    expect(rows[18]!.gain).toBeLessThan(0.5 * best.gain);
  });

  it('value the forecast at zero for a decided buyer, most for the undecided one, below perfect information', () => {
    const rows = forecastValueByPrior();
    expect(rows[0]!.value).toBe(0);
    expect(rows[50]!.value).toBe(0);
    const best = rows.reduce((a, b) => (b.value > a.value ? b : a));
    expect(best.prior).toBeGreaterThan(0.1);
    expect(best.prior).toBeLessThan(0.6);
    for (const r of rows) expect(r.value).toBeLessThanOrEqual(r.perfect + 1e-15);
  });

  it('price data: alike buyers give up their whole surplus, different ones keep some, a menu beats one price', () => {
    const rows = menuRevenueBySpread();
    const at = (spread: number, mechanism: string) =>
      rows.find((r) => r.spread === spread && r.mechanism === mechanism)!.share;
    expect(at(0, 'best menu of products')).toBeCloseTo(1, 12);
    expect(at(2.5, 'best menu of products')).toBeLessThan(0.95);
    for (const spread of [0.5, 1, 1.5, 2, 2.5])
      expect(at(spread, 'best menu of products')).toBeGreaterThanOrEqual(
        at(spread, 'best single product at a posted price'),
      );
  });
});
