import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import {
  informationGain,
  knnShapley,
  knnUtility,
  optimalDeterministicMenu,
  randomDataMarket,
  valueOfInformation,
} from '@x/data-pricing';
import { createRng, sampleStandardNormal } from '@x/linalg';

const K = 5;

/** Two Gaussian classes in the plane, 120 training points with 12 labels flipped, 200 validation points. */
function blobs() {
  const rng = createRng(2026);
  const draw = (n: number, flips: number) => {
    const x: number[][] = [];
    const y: number[] = [];
    const flipped: boolean[] = [];
    for (let i = 0; i < n; i++) {
      const c = i % 2;
      x.push([2 * c + sampleStandardNormal(rng), 2 * c + sampleStandardNormal(rng)]);
      const f = i < flips;
      y.push(f ? 1 - c : c);
      flipped.push(f);
    }
    return { x, y, flipped };
  };
  return { train: draw(120, 12), validation: draw(200, 0) };
}

/** KNN-Shapley value of each training point, with its position, label and whether it was flipped. */
export function mislabelValues(): {
  x: number;
  y: number;
  label: number;
  flipped: boolean;
  value: number;
}[] {
  const { train, validation } = blobs();
  const values = knnShapley(train, validation, K);
  return train.x.map(([a, b], i) => ({
    x: a!,
    y: b!,
    label: train.y[i]!,
    flipped: train.flipped[i]!,
    value: values[i]!,
  }));
}

/** The training points coloured by value; flipped labels circled. */
export function mislabelPlot(): PlotOptions {
  const points = mislabelValues();
  return {
    height: 320,
    color: { type: 'diverging', scheme: 'RdBu', legend: true, label: 'KNN-Shapley value' },
    symbol: { legend: true },
    marks: [
      Plot.dot(points, {
        x: 'x',
        y: 'y',
        fill: 'value',
        symbol: (d: { label: number }) => (d.label === 0 ? 'class 0' : 'class 1'),
        r: 5,
      }),
      Plot.dot(
        points.filter((p) => p.flipped),
        { x: 'x', y: 'y', r: 9, stroke: 'black', strokeWidth: 1.5 },
      ),
    ],
  };
}

/** Held-out 5-NN accuracy as points are removed, highest-valued first and lowest-valued first. */
export function removalCurves(): { order: string; removed: number; accuracy: number }[] {
  const { train, validation } = blobs();
  const values = knnShapley(train, validation, K);
  const test = blobs().validation;
  const u = knnUtility(train, { x: test.x.slice(100), y: test.y.slice(100) }, K);
  const n = train.x.length;
  const ranked = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[b]! - values[a]!);
  const rows: { order: string; removed: number; accuracy: number }[] = [];
  for (const [order, list] of [
    ['highest value first', ranked],
    ['lowest value first', [...ranked].reverse()],
  ] as const) {
    for (let removed = 0; removed <= 0.5; removed += 0.05) {
      const kept = Int32Array.from(list.slice(Math.round(removed * n))).sort();
      rows.push({ order, removed, accuracy: u.evaluate(kept) });
    }
  }
  return rows;
}

export function removalPlot(): PlotOptions {
  return {
    height: 280,
    x: { label: 'fraction of training points removed' },
    y: { label: 'held-out accuracy', grid: true },
    color: { legend: true },
    marks: [
      Plot.line(removalCurves(), { x: 'removed', y: 'accuracy', stroke: 'order', marker: true }),
    ],
  };
}

/** Information gain of a request along each direction of the plane, for a buyer with a skewed prior. */
export function informationGainByDirection(): { angle: number; gain: number }[] {
  const prior = [
    [1, 0],
    [0, 0.05],
  ];
  return Array.from({ length: 37 }, (_, k) => {
    const angle = (k * 5 * Math.PI) / 180;
    return {
      angle: k * 5,
      gain: informationGain(prior, [[Math.cos(angle), Math.sin(angle)]], Math.sqrt(0.1)),
    };
  });
}

export function informationGainPlot(): PlotOptions {
  return {
    height: 240,
    x: { label: 'direction of the requested feature (degrees)' },
    y: { label: 'information gain (nats)', grid: true },
    marks: [Plot.line(informationGainByDirection(), { x: 'angle', y: 'gain' })],
  };
}

/**
 * The value of the same weather forecast (right 80% of the time) to a decision maker choosing
 * whether to take an umbrella (utility 1 dry, -2 caught in the rain, 0.5 carrying it for nothing),
 * against its prior probability of rain.
 */
export function forecastValueByPrior(): { prior: number; value: number; perfect: number }[] {
  const utility = [
    [0.5, -2], // rain: take, leave
    [0.5, 1], // dry: take, leave
  ];
  const forecast = [
    [0.8, 0.2],
    [0.2, 0.8],
  ];
  const perfect = [
    [1, 0],
    [0, 1],
  ];
  return Array.from({ length: 51 }, (_, k) => {
    const p = k / 50;
    const problem = { prior: [p, 1 - p], utility };
    return {
      prior: p,
      value: valueOfInformation(problem, forecast).value,
      perfect: valueOfInformation(problem, perfect).value,
    };
  });
}

export function forecastValuePlot(): PlotOptions {
  const rows = forecastValueByPrior().flatMap((r) => [
    { prior: r.prior, value: r.value, experiment: '80% forecast' },
    { prior: r.prior, value: r.perfect, experiment: 'perfect forecast' },
  ]);
  return {
    height: 260,
    x: { label: 'prior probability of rain' },
    y: { label: 'value of information', grid: true },
    color: { legend: true },
    marks: [Plot.line(rows, { x: 'prior', y: 'value', stroke: 'experiment' })],
  };
}

/**
 * Revenue over the first best of the best plain menu and of the best single product at a posted
 * price, averaged over 16 random data markets (4 buyer types, 4 products) at each spread of the
 * buyers' priors.
 */
export function menuRevenueBySpread(): { spread: number; mechanism: string; share: number }[] {
  const rng = createRng(7);
  const rows: { spread: number; mechanism: string; share: number }[] = [];
  for (let k = 0; k <= 10; k++) {
    const spread = k / 4;
    let menu = 0;
    let posted = 0;
    for (let m = 0; m < 16; m++) {
      const market = randomDataMarket(rng, { types: 4, products: 4, spread });
      const best = optimalDeterministicMenu(market);
      menu += best.revenue / best.firstBest / 16;
      // With one product the best plain menu is the best posted price.
      let single = 0;
      for (let d = 0; d < 4; d++)
        single = Math.max(
          single,
          optimalDeterministicMenu({ values: market.values.map((row) => [row[d]!]) }).revenue,
        );
      posted += single / best.firstBest / 16;
    }
    rows.push({ spread, mechanism: 'best menu of products', share: menu });
    rows.push({ spread, mechanism: 'best single product at a posted price', share: posted });
  }
  return rows;
}

export function menuRevenuePlot(): PlotOptions {
  return {
    height: 260,
    x: { label: "spread s of the buyers' prior variances e^(s z)" },
    y: { label: 'revenue / first best', grid: true, domain: [0, 1] },
    color: { legend: true },
    marks: [
      Plot.line(menuRevenueBySpread(), { x: 'spread', y: 'share', stroke: 'mechanism' }),
      Plot.ruleY([1], { strokeDasharray: '4 3' }),
    ],
  };
}
