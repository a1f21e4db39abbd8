import { type BanditPolicy, BetaThompsonSampling, KlUcb, LinUcb, Ucb1 } from '@x/bandits';
import { klBernoulli, type Rng, sampleBeta } from '@x/linalg';
import { inverse, Matrix } from 'ml-matrix';
import { definePerf } from '../../src/Experiment.ts';
import { comparePerf, formatRate, type PerfCase, type PerfRow, perfTable } from '../../src/perf.ts';

const K = 10;
const MEANS = Array.from({ length: K }, (_, i) => 0.1 + 0.08 * i);
const ROUNDS = 5000;
/** Targets of the bandits issue, in select+update rounds per second on one core. */
const TARGETS: Record<string, number> = {
  'Thompson sampling': 1_000_000,
  UCB1: 5_000_000,
  'KL-UCB': 500_000,
  'LinUCB d=20': 100_000,
};
const D = 20;
const LIN_ROUNDS = 200;

let sink = 0;

/** A case that plays ROUNDS rounds of a policy against Bernoulli arms. */
function playCase(name: string, policy: BanditPolicy, rng: Rng): PerfCase {
  return {
    name,
    opsPerCall: ROUNDS,
    fn: () => {
      for (let t = 0; t < ROUNDS; t++) {
        const a = policy.select(rng);
        policy.update(a, rng.nextFloat64() < MEANS[a]! ? 1 : 0);
        sink += a;
      }
    },
  };
}

/** The obvious implementations: number[] state, arrays built every round. */
function naive(kind: 'ucb1' | 'ts' | 'klucb', rng: Rng): PerfCase {
  const n: number[] = new Array(K).fill(0);
  const s: number[] = new Array(K).fill(0);
  const index = (a: number, t: number): number => {
    if (n[a] === 0) return Number.POSITIVE_INFINITY;
    const mean = s[a]! / n[a]!;
    if (kind === 'ucb1') return mean + Math.sqrt((2 * Math.log(t)) / n[a]!);
    if (kind === 'ts') return sampleBeta(rng, 1 + s[a]!, 1 + n[a]! - s[a]!);
    // KL-UCB by bisection to 1e-10
    let lo = mean;
    let hi = 1;
    const level = Math.log(t) / n[a]!;
    while (hi - lo > 1e-10) {
      const mid = (lo + hi) / 2;
      if (klBernoulli(mean, mid) > level) hi = mid;
      else lo = mid;
    }
    return lo;
  };
  return {
    name: `naive ${kind === 'ts' ? 'Thompson sampling' : kind === 'ucb1' ? 'UCB1' : 'KL-UCB'} (number[], allocation per round)`,
    opsPerCall: ROUNDS,
    fn: () => {
      for (let t = 1; t <= ROUNDS; t++) {
        const scores = n.map((_, a) => index(a, t));
        const a = scores.indexOf(Math.max(...scores));
        n[a] = n[a]! + 1;
        s[a] = s[a]! + (rng.nextFloat64() < MEANS[a]! ? 1 : 0);
        sink += a;
      }
    },
  };
}

/** LinUCB (disjoint, d = 20) against rewards linear in a fixed random context stream. */
function linUcbCases(rng: Rng): [PerfCase, PerfCase] {
  const contexts = Array.from({ length: 64 }, (_, i) =>
    Float64Array.from({ length: D }, (_, j) => Math.sin(i * 7 + j) / Math.sqrt(D)),
  );
  const fast = new LinUcb(K, D, { alpha: 1 });
  const fastCase: PerfCase = {
    name: '@x/bandits LinUCB (Sherman-Morrison, Float64Array)',
    opsPerCall: LIN_ROUNDS,
    fn: () => {
      for (let t = 0; t < LIN_ROUNDS; t++) {
        const x = contexts[t & 63]!;
        const a = fast.select(rng, { context: x });
        fast.update(a, x[a % D]! + 0.1 * rng.nextFloat64(), { context: x });
        sink += a;
      }
    },
  };
  // Naive: A and b per arm as ml-matrix objects, A inverted every round.
  const As = Array.from({ length: K }, () => Matrix.eye(D));
  const bs = Array.from({ length: K }, () => Matrix.zeros(D, 1));
  const naiveCase: PerfCase = {
    name: 'naive LinUCB (ml-matrix, inverse per round)',
    opsPerCall: LIN_ROUNDS,
    fn: () => {
      for (let t = 0; t < LIN_ROUNDS; t++) {
        const x = Matrix.columnVector(Array.from(contexts[t & 63]!));
        const scores = As.map((A, a) => {
          const inv = inverse(A);
          const theta = inv.mmul(bs[a]!);
          return (
            theta.transpose().mmul(x).get(0, 0) +
            Math.sqrt(x.transpose().mmul(inv).mmul(x).get(0, 0))
          );
        });
        const a = scores.indexOf(Math.max(...scores));
        As[a]!.add(x.mmul(x.transpose()));
        bs[a]!.add(x.clone().mul(x.get(a % D, 0) + 0.1 * rng.nextFloat64()));
        sink += a;
      }
    },
  };
  return [naiveCase, fastCase];
}

export const experiment = definePerf({
  id: 'bandits/perf-policies',
  package: '@x/bandits',
  title: 'Select + update throughput of the bandit policies (10 arms)',
  source: {
    title:
      'The @x/bandits performance targets (issue text): 1M/s Thompson sampling, 5M/s UCB1, 500k/s KL-UCB',
  },
  claim:
    'The policies run allocation-free select+update rounds far faster than naive number[] implementations; the rates are reported next to the targets.',
  async run(rng, scale) {
    const groups: [string, PerfRow[]][] = [];
    const make = {
      UCB1: () => new Ucb1(K),
      'KL-UCB': () => new KlUcb(K),
      'Thompson sampling': () => new BetaThompsonSampling(K),
    };
    const naiveKind = { UCB1: 'ucb1', 'KL-UCB': 'klucb', 'Thompson sampling': 'ts' } as const;
    for (const [name, mk] of Object.entries(make)) {
      const r = rng.split();
      groups.push([
        name,
        await comparePerf(
          naive(naiveKind[name as keyof typeof naiveKind], r.split()),
          [playCase(`@x/bandits ${name}`, mk(), r.split())],
          scale,
        ),
      ]);
    }
    const [naiveLin, fastLin] = linUcbCases(rng.split());
    groups.push(['LinUCB d=20', await comparePerf(naiveLin, [fastLin], scale)]);
    const rows: Record<string, string | number>[] = [];
    const metrics: Record<string, number> = {};
    const parts: string[] = [];
    for (const [name, perf] of groups) {
      for (const [i, row] of perfTable(perf).entries())
        rows.push({
          policy: i === 0 ? name : '',
          ...row,
          target: i === 1 ? formatRate(TARGETS[name]!) : '',
        });
      const rate = perf[1]!.opsPerSecond;
      metrics[`${name}: rounds/s`] = rate;
      metrics[`${name}: x naive`] = perf[1]!.speedupOverBaseline;
      parts.push(
        `${name} ${formatRate(rate)} (target ${formatRate(TARGETS[name]!)}, ${rate >= TARGETS[name]! ? 'met' : 'not met'})`,
      );
    }
    return {
      metrics: { ...metrics, sink: Number.isFinite(sink) ? 0 : 1 },
      table: rows,
      plots: [],
      verdict: { holds: null, summary: parts.join('; ') },
    };
  },
});
