import { optimalDeterministicMenu, optimalMenu, randomDataMarket } from '@x/data-pricing';
import { defineClaim } from '../../src/Experiment.ts';

const SPREADS = [0, 0.5, 1, 1.5, 2];
const SIZES = { quick: { types: 5, trials: 6 }, full: { types: 6, trials: 48 } } as const;
const PRODUCTS = 5;
/** HiGHS's feasibility tolerance is 1e-7 of the scale; values here are below 5. */
const LP_TOLERANCE = 1e-6 * 5;

/** The best revenue from selling one product at one posted price (some type's value is optimal). */
function postedPriceRevenue(values: readonly Float64Array[], d: number): number {
  let best = 0;
  for (const row of values) {
    const p = row[d]!;
    let buyers = 0;
    for (const other of values) if (other[d]! >= p) buyers++;
    best = Math.max(best, (p * buyers) / values.length);
  }
  return best;
}

interface Trial {
  /** Per spread: revenue over first best for the lottery menu, the plain menu, the best posted price. */
  readonly ratios: { lp: number; plain: number; posted: number }[];
  /** The largest breach of plain <= LP <= first best, of LP incentive compatibility, and of LP = posted price for one product. */
  readonly worst: { order: number; violation: number; singleProduct: number };
}

export const experiment = defineClaim<Trial>({
  id: 'data-pricing/optimal-menu',
  package: '@x/data-pricing',
  title:
    'Selling data to Bayesian regression buyers: the optimal menu against plain menus, posted prices and the first best',
  source: {
    title:
      'Myerson, Optimal Auction Design (1981); Bergemann, Bonatti and Smolin, The Design and Price of Information (2018); Riley and Zeckhauser, Optimal Selling Strategies (1983)',
    where:
      'the revelation principle (a menu is an IC, IR direct mechanism); one good: a posted price is optimal',
  },
  claim:
    'On random data markets (randomDataMarket: buyers whose diagonal priors encode the data they hold, products one label along a unit direction in 3 features, noise standard deviation 1/√2, value = information gain), the optimal lottery menu solved by linear programming is incentive compatible and earns between the best plain menu (exhaustive) and the first best; with one product it earns exactly the best posted price. As the buyers differ more, every mechanism falls further below the first best.',
  trials: (scale) => SIZES[scale].trials,
  async trial(rng, scale) {
    const ratios: Trial['ratios'] = [];
    const worst = { order: 0, violation: 0, singleProduct: 0 };
    for (const spread of SPREADS) {
      const market = randomDataMarket(rng, {
        types: SIZES[scale].types,
        products: PRODUCTS,
        spread,
      });
      const { values } = market;
      const lp = await optimalMenu(market);
      const plain = optimalDeterministicMenu(market);
      let posted = 0;
      for (let d = 0; d < PRODUCTS; d++) {
        const single = values.map((row) => [row[d]!]);
        const expected = postedPriceRevenue(values, d);
        const one = await optimalMenu({ values: single });
        worst.singleProduct = Math.max(worst.singleProduct, Math.abs(one.revenue - expected));
        posted = Math.max(posted, expected);
      }
      worst.order = Math.max(
        worst.order,
        plain.revenue - lp.revenue,
        lp.revenue - lp.firstBest,
        posted - plain.revenue,
      );
      worst.violation = Math.max(worst.violation, lp.maxViolation);
      ratios.push({
        lp: lp.revenue / lp.firstBest,
        plain: plain.revenue / lp.firstBest,
        posted: posted / lp.firstBest,
      });
    }
    return { ratios, worst };
  },
  summarize(trials) {
    const mean = (key: 'lp' | 'plain' | 'posted') =>
      SPREADS.map((_, i) => trials.reduce((a, t) => a + t.ratios[i]![key], 0) / trials.length);
    const lp = mean('lp');
    const plain = mean('plain');
    const posted = mean('posted');
    const worst = (key: keyof Trial['worst']) => Math.max(...trials.map((t) => t.worst[key]));
    const order = worst('order');
    const violation = worst('violation');
    const singleProduct = worst('singleProduct');
    const holds =
      order <= LP_TOLERANCE &&
      violation <= LP_TOLERANCE &&
      singleProduct <= LP_TOLERANCE &&
      Math.abs(lp[0]! - 1) <= LP_TOLERANCE &&
      lp.at(-1)! < 1 - 0.01;
    return {
      metrics: {
        'optimal menu / first best, most spread': lp.at(-1)!,
        'plain menu / first best, most spread': plain.at(-1)!,
        'posted price / first best, most spread': posted.at(-1)!,
        'worst breach of posted <= plain <= LP <= first best': order,
        'worst IC or IR breach of the LP menu': violation,
        'worst |LP - posted price| with one product': singleProduct,
      },
      plots: [
        {
          title: 'Revenue as a share of the first best (mean over markets)',
          xLabel: 'spread of the buyers prior variances (log scale)',
          yLabel: 'revenue / first best',
          series: [
            { name: 'optimal menu (lotteries, LP)', x: SPREADS, y: lp },
            { name: 'best plain menu', x: SPREADS, y: plain },
            { name: 'best posted price, one product', x: SPREADS, y: posted },
          ],
        },
      ],
      verdict: {
        holds,
        summary: `order breach ${order.toExponential(1)}, IC breach ${violation.toExponential(1)}, one-product gap ${singleProduct.toExponential(1)} (all <= ${LP_TOLERANCE.toExponential(0)}); identical buyers: LP/first best ${lp[0]!.toFixed(6)}; most spread: LP ${lp.at(-1)!.toFixed(3)}, plain ${plain.at(-1)!.toFixed(3)}, posted ${posted.at(-1)!.toFixed(3)}`,
      },
    };
  },
});
