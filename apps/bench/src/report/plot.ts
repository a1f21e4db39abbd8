import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { PlotSpec } from '../Experiment.ts';

interface Row {
  series: string;
  x: number;
  y: number;
  lower?: number;
  upper?: number;
}

/**
 * Renders a plot spec to an SVG string with Observable Plot on a server-side DOM (linkedom):
 * lines (or points) per series, a shaded band where a series has lower/upper, and a legend.
 */
export function renderPlotSvg(spec: PlotSpec): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const lines: Row[] = [];
  const points: Row[] = [];
  const bands: Row[] = [];
  for (const s of spec.series) {
    s.x.forEach((x, i) => {
      const row: Row = { series: s.name, x, y: s.y[i]! };
      (s.points ? points : lines).push(row);
      if (s.lower && s.upper) bands.push({ ...row, lower: s.lower[i]!, upper: s.upper[i]! });
    });
  }
  const marks: Plot.Markish[] = [
    Plot.areaY(bands, {
      x: 'x',
      y1: 'lower',
      y2: 'upper',
      fill: 'series',
      fillOpacity: 0.15,
      z: 'series',
    }),
    Plot.line(lines, { x: 'x', y: 'y', stroke: 'series', z: 'series' }),
    Plot.dot(points, { x: 'x', y: 'y', stroke: 'series', r: 2.5 }),
  ];
  const node = Plot.plot({
    document: document as unknown as Document,
    title: spec.title,
    width: 640,
    height: 360,
    marginLeft: 60,
    grid: true,
    x: { type: spec.xScale ?? 'linear', label: spec.xLabel },
    y: { type: spec.yScale ?? 'linear', label: spec.yLabel },
    color: { legend: spec.series.length > 1 },
    marks,
  });
  return (node as unknown as { outerHTML: string }).outerHTML;
}
