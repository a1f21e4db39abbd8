import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { firstBest, linearContract, tightLinearInstance } from '@x/contracts';

/**
 * On the tight instance the optimal contract attains first best (outcomes reveal the action),
 * so optimal / linear is first best / linear: computed here without a linear program, so the
 * figure needs no HiGHS in the browser.
 */
export function tightRatios(): { n: number; gamma: number; ratio: number }[] {
  const rows: { n: number; gamma: number; ratio: number }[] = [];
  for (const gamma of [0.2, 0.4, 0.6, 0.8])
    for (let n = 2; n <= 10; n++) {
      if (gamma ** -(n - 1) > 2 ** 26) continue;
      const problem = tightLinearInstance(n, gamma);
      const ratio = firstBest(problem).welfare / linearContract(problem).principalUtility;
      rows.push({ n, gamma, ratio });
    }
  return rows;
}

export function tightRatioPlot(): PlotOptions {
  return {
    height: 260,
    x: { label: 'actions n' },
    y: { label: 'optimal / best linear', grid: true },
    color: { legend: true, type: 'ordinal' },
    marks: [
      Plot.line(tightRatios(), { x: 'n', y: 'ratio', stroke: 'gamma' }),
      Plot.dot(tightRatios(), { x: 'n', y: 'ratio', stroke: 'gamma' }),
      Plot.line(
        Array.from({ length: 9 }, (_, i) => ({ n: i + 2 })),
        { x: 'n', y: 'n', strokeDasharray: '4 3' },
      ),
    ],
  };
}
