import type { Rng } from '@x/linalg';

/** `quick`: CI-sized (seconds); `full`: the paper-sized run. */
export type Scale = 'quick' | 'full';

/** Where a claim comes from. */
export interface Source {
  /** Paper or book title. */
  readonly title: string;
  /** arXiv identifier, e.g. `1904.07272`, when there is one. */
  readonly arxiv?: string;
  /** Section, theorem or equation, e.g. `Theorem 1.5`. */
  readonly where?: string;
}

/** One curve of a plot; `lower`/`upper` draw a confidence band around it. */
export interface Series {
  readonly name: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly lower?: readonly number[];
  readonly upper?: readonly number[];
  /** Draw as points only (no line), e.g. for a reference diagonal or raw data. */
  readonly points?: boolean;
}

/** A plot, rendered as inline SVG in the HTML report. */
export interface PlotSpec {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xScale?: 'linear' | 'log';
  readonly yScale?: 'linear' | 'log';
  readonly series: readonly Series[];
}

/** The verdict on a claim: `holds` is null for informational results (timings). */
export interface Verdict {
  readonly holds: boolean | null;
  /** The fitted number against the claim, e.g. `slope 0.49, 95% CI [0.46, 0.52], claim 0.5`. */
  readonly summary: string;
}

/** What an experiment reports. */
export interface Outcome {
  readonly metrics: Readonly<Record<string, number>>;
  readonly plots: readonly PlotSpec[];
  readonly verdict: Verdict;
  /** Optional table rows (e.g. timings), rendered in the reports. */
  readonly table?: readonly Readonly<Record<string, string | number>>[];
}

interface ExperimentMeta {
  /** Unique id, `<package>/<name>`, also its file path under `experiments/`. */
  readonly id: string;
  /** The npm package the experiment exercises, e.g. `@x/linalg`. */
  readonly package: string;
  readonly title: string;
  readonly source: Source;
  /** The claim in words. */
  readonly claim: string;
}

/**
 * A claim checked by independent trials. Trials run in parallel worker threads, each with its
 * own split RNG stream, so results do not depend on the number of workers; `summarize` then
 * runs in the main thread on the trial results (which must be structured-cloneable).
 */
export interface ClaimExperiment<TTrial = unknown> extends ExperimentMeta {
  readonly kind: 'claim';
  /** Number of trials at a scale. */
  trials(scale: Scale): number;
  /** One trial; `index` is in [0, trials). It may be async: the harness awaits it before `summarize`. */
  trial(rng: Rng, scale: Scale, index: number): TTrial | Promise<TTrial>;
  summarize(results: readonly TTrial[], scale: Scale): Outcome;
}

/** A timing experiment: runs alone in the main thread after all claims, so nothing competes for the cores. */
export interface PerfExperiment extends ExperimentMeta {
  readonly kind: 'perf';
  run(rng: Rng, scale: Scale): Promise<Outcome>;
}

/** Any registered experiment. */
export type Experiment = ClaimExperiment | PerfExperiment;

/** Declares a claim experiment with its trial type inferred. */
export function defineClaim<TTrial>(
  e: Omit<ClaimExperiment<TTrial>, 'kind'>,
): ClaimExperiment<TTrial> {
  return { kind: 'claim', ...e };
}

/** Declares a perf experiment. */
export function definePerf(e: Omit<PerfExperiment, 'kind'>): PerfExperiment {
  return { kind: 'perf', ...e };
}
