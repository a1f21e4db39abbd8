import type { BenchReport } from '../runner.ts';
import { citation, verdictLabel } from './markdown.ts';
import { renderPlotSvg } from './plot.ts';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; max-width: 1000px; margin: 2em auto; padding: 0 1em; color: #1b1b1f; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; font-size: 14px; }
th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f5f5f7; }
.PASS { color: #0a7a2f; font-weight: 600; } .FAIL, .ERROR { color: #b3261e; font-weight: 600; } .INFO { color: #555; font-weight: 600; }
section { border-top: 1px solid #ddd; margin-top: 2em; padding-top: 1em; }
figure { margin: 1em 0; } figcaption { font-size: 13px; color: #555; }
pre { background: #f5f5f7; padding: 1em; overflow-x: auto; }
code { font-size: 13px; }
`;

function table(rows: readonly Readonly<Record<string, string | number>>[]): string {
  const cols = Object.keys(rows[0] ?? {});
  const head = cols.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = rows
    .map(
      (r) => `<tr>${cols.map((c) => `<td>${escapeHtml(String(r[c] ?? ''))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A self-contained HTML report: summary table, then per experiment its verdict, metrics, tables and plots as inline SVG. */
export function renderHtml(report: BenchReport): string {
  const summary = table(
    report.results.map((r) => ({
      experiment: r.id,
      package: r.package,
      verdict: verdictLabel(r),
      result:
        r.error !== undefined ? (r.error.split('\n')[0] ?? '') : (r.outcome?.verdict.summary ?? ''),
      time: `${(r.durationMs / 1000).toFixed(1)} s`,
    })),
  ).replace(/<td>(PASS|FAIL|INFO|ERROR)<\/td>/g, '<td class="$1">$1</td>');
  const sections = report.results.map((r) => {
    const label = verdictLabel(r);
    const parts = [
      `<section id="${escapeHtml(r.id)}">`,
      `<h2>${escapeHtml(r.title)} <small><code>${escapeHtml(r.id)}</code></small></h2>`,
      `<p><b>Claim.</b> ${escapeHtml(r.claim)}<br><b>Source.</b> ${escapeHtml(citation(r))}</p>`,
      `<p class="${label}">${label}: ${escapeHtml(r.outcome?.verdict.summary ?? '')}</p>`,
    ];
    if (r.error !== undefined) parts.push(`<pre>${escapeHtml(r.error)}</pre>`);
    if (r.outcome) {
      const metrics = Object.entries(r.outcome.metrics);
      if (metrics.length > 0)
        parts.push(
          table(
            metrics.map(([metric, value]) => ({ metric, value: Number(value.toPrecision(6)) })),
          ),
        );
      if (r.outcome.table && r.outcome.table.length > 0) parts.push(table(r.outcome.table));
      for (const plot of r.outcome.plots) parts.push(`<figure>${renderPlotSvg(plot)}</figure>`);
    }
    parts.push('</section>');
    return parts.join('\n');
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>@x bench report</title><style>${STYLE}</style></head>
<body>
<h1>@x bench report</h1>
<p>Scale <code>${report.scale}</code>, seed ${report.seed}, ${report.workers} worker(s), Node ${escapeHtml(report.environment.node)} on ${escapeHtml(report.environment.platform)} (${report.environment.cpus} cores), ${(report.durationMs / 1000).toFixed(1)} s, ${escapeHtml(report.startedAt)}.</p>
${summary}
${sections.join('\n')}
</body></html>
`;
}
