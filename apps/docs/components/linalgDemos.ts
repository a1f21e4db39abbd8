import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { createRng, fitLogLogSlope, regularizedGamma, sampleGamma } from '@x/linalg';

/** Bin width of the Gamma histogram. */
const WIDTH = 0.25;

/** 20,000 seeded Gamma(2.5, 1) draws binned, with each bin's exact probability (per unit width). */
export function gammaHistogramData(): { x: number; sampled: number; exact: number }[] {
  const rng = createRng(2026);
  const shape = 2.5;
  const n = 20_000;
  const width = WIDTH;
  const bins = 48;
  const counts = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const k = Math.floor(sampleGamma(rng, shape) / width);
    if (k < bins) counts[k] = counts[k]! + 1;
  }
  return Array.from(counts, (c, k) => ({
    x: (k + 0.5) * width,
    sampled: c / n / width,
    exact: (regularizedGamma(shape, (k + 1) * width) - regularizedGamma(shape, k * width)) / width,
  }));
}

/** The Gamma histogram against the exact bin probabilities. */
export function gammaHistogram(): PlotOptions {
  const rows = gammaHistogramData();
  const width = WIDTH;
  return {
    height: 300,
    x: { label: 'x' },
    y: { label: 'density', grid: true },
    marks: [
      Plot.rectY(rows, {
        x1: (d) => d.x - width / 2,
        x2: (d) => d.x + width / 2,
        y: 'sampled',
        fill: 'steelblue',
        fillOpacity: 0.5,
      }),
      Plot.line(rows, { x: 'x', y: 'exact', stroke: 'black' }),
      Plot.ruleY([0]),
    ],
  };
}

/** A power law with noise and the fitted log-log slope, as the bench checks regret rates. */
export function slopeFit(): PlotOptions {
  const rng = createRng(7);
  const T = Array.from({ length: 12 }, (_, i) => Math.round(100 * 2 ** i));
  const y = T.map((t) => 2 * Math.sqrt(t) * sampleGamma(rng, 400, 1 / 400));
  const fit = fitLogLogSlope(T, y);
  const line = T.map((t) => ({ t, y: Math.exp(fit.intercept) * t ** fit.slope }));
  return {
    height: 300,
    x: { type: 'log', label: 'T' },
    y: { type: 'log', label: 'regret', grid: true },
    caption: `fitted slope ${fit.slope.toFixed(3)}, 95% CI [${fit.slopeCi[0].toFixed(3)}, ${fit.slopeCi[1].toFixed(3)}]`,
    marks: [
      Plot.dot(
        T.map((t, i) => ({ t, y: y[i]! })),
        { x: 't', y: 'y' },
      ),
      Plot.line(line, { x: 't', y: 'y', stroke: 'tomato' }),
    ],
  };
}
