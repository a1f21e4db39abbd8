import type { BenchReport, ExperimentResult } from '../runner.ts';

/** The verdict cell: PASS, FAIL, INFO (timings) or ERROR. */
export function verdictLabel(r: ExperimentResult): 'PASS' | 'FAIL' | 'INFO' | 'ERROR' {
  if (r.error !== undefined || r.outcome === undefined) return 'ERROR';
  const holds = r.outcome.verdict.holds;
  return holds === null ? 'INFO' : holds ? 'PASS' : 'FAIL';
}

/** Cites a source as `Title (arXiv:id, where)`. */
export function citation(r: ExperimentResult): string {
  const { title, arxiv, where } = r.source;
  const extra = [arxiv ? `arXiv:${arxiv}` : '', where ?? ''].filter(Boolean).join(', ');
  return extra ? `${title} (${extra})` : title;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The Markdown summary: one table row per experiment, then each table of timings. */
export function renderMarkdown(report: BenchReport): string {
  const lines = [
    '# @x bench report',
    '',
    `Scale \`${report.scale}\`, seed ${report.seed}, ${report.workers} worker(s), Node ${report.environment.node} on ${report.environment.platform} (${report.environment.cpus} cores), ${(report.durationMs / 1000).toFixed(1)} s, ${report.startedAt}.`,
    '',
    '| experiment | package | verdict | result | claim | source | time |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of report.results) {
    const summary =
      r.error !== undefined ? (r.error.split('\n')[0] ?? '') : (r.outcome?.verdict.summary ?? '');
    lines.push(
      `| \`${r.id}\` | ${r.package} | ${verdictLabel(r)} | ${cell(summary)} | ${cell(r.claim)} | ${cell(citation(r))} | ${(r.durationMs / 1000).toFixed(1)} s |`,
    );
  }
  for (const r of report.results) {
    const table = r.outcome?.table;
    if (!table || table.length === 0) continue;
    const cols = Object.keys(table[0]!);
    lines.push(
      '',
      `## ${r.id}`,
      '',
      `| ${cols.join(' | ')} |`,
      `|${cols.map(() => '---').join('|')}|`,
    );
    for (const row of table)
      lines.push(`| ${cols.map((c) => cell(String(row[c] ?? ''))).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}
