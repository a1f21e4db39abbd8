import { assertArrayLike, assertInteger, readObject } from '@x/linalg/validate';
import type { PreferenceData } from './preferenceDataset.ts';

/** A dataset reduced to what a full-batch loss needs. @internal */
export interface PairCounts {
  /** Distinct pairs: flat (x, y) indices of the winner and the loser, and their share of the data. */
  readonly winner: Int32Array;
  readonly loser: Int32Array;
  readonly weight: Float64Array;
  /** The share of pairs at each prompt. */
  readonly promptShare: Float64Array;
  /** The share of pairs whose chosen response is (x, y). */
  readonly chosenShare: Float64Array;
  /** The share of responses in the data (chosen or rejected) that are (x, y): sums to 1. */
  readonly responseShare: Float64Array;
  /** Whether (x, y) is in some pair. */
  readonly inPair: Uint8Array;
}

/**
 * Checks labelled pairs against the sizes (arrays of equal length, indices in range, chosen !=
 * rejected) and counts them. @internal
 * @throws TypeError or RangeError naming the bad field and pair
 */
export function countPairs(
  fn: string,
  data: PreferenceData,
  prompts: number,
  responses: number,
  name = 'data',
): PairCounts {
  const { prompt, chosen, rejected } = readObject(fn, name, data);
  assertArrayLike(fn, `${name}.prompt`, prompt);
  assertArrayLike(fn, `${name}.chosen`, chosen);
  assertArrayLike(fn, `${name}.rejected`, rejected);
  const n = prompt.length;
  if (n === 0) throw new RangeError(`${fn}: ${name} must hold at least one pair`);
  if (chosen.length !== n || rejected.length !== n)
    throw new RangeError(
      `${fn}: ${name}.prompt, ${name}.chosen and ${name}.rejected must have one length, got ${n}, ${chosen.length} and ${rejected.length}`,
    );
  for (let i = 0; i < n; i++)
    assertPair(fn, prompts, responses, prompt[i], chosen[i], rejected[i], i, name);
  const K = responses;
  const counts = new Map<number, number>();
  const promptShare = new Float64Array(prompts);
  const chosenShare = new Float64Array(prompts * K);
  const responseShare = new Float64Array(prompts * K);
  const inPair = new Uint8Array(prompts * K);
  for (let i = 0; i < n; i++) {
    const x = prompt[i]!;
    const w = x * K + chosen[i]!;
    const l = x * K + rejected[i]!;
    // The key (x K + w) K + l: the winner's flat index, then the loser's response.
    const key = w * K + rejected[i]!;
    counts.set(key, (counts.get(key) ?? 0) + 1 / n);
    promptShare[x] = promptShare[x]! + 1 / n;
    chosenShare[w] = chosenShare[w]! + 1 / n;
    responseShare[w] = responseShare[w]! + 1 / (2 * n);
    responseShare[l] = responseShare[l]! + 1 / (2 * n);
    inPair[w] = 1;
    inPair[l] = 1;
  }
  const m = counts.size;
  const winner = new Int32Array(m);
  const loser = new Int32Array(m);
  const weight = new Float64Array(m);
  let k = 0;
  for (const [key, c] of counts) {
    const w = Math.floor(key / K);
    winner[k] = w;
    loser[k] = w - (w % K) + (key % K);
    weight[k++] = c;
  }
  return { winner, loser, weight, promptShare, chosenShare, responseShare, inPair };
}

/** Checks one labelled pair. @internal */
export function assertPair(
  fn: string,
  prompts: number,
  responses: number,
  prompt: unknown,
  chosen: unknown,
  rejected: unknown,
  at?: number,
  name = 'data',
): void {
  const where = at === undefined ? '' : `${name}[${at}].`;
  assertInteger(fn, `${where}prompt`, prompt, 0, prompts - 1);
  assertInteger(fn, `${where}chosen`, chosen, 0, responses - 1);
  assertInteger(fn, `${where}rejected`, rejected, 0, responses - 1);
  if (chosen === rejected)
    throw new RangeError(`${fn}: ${where}chosen and rejected must differ, both are ${chosen}`);
}
