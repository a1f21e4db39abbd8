import { pow } from '@x/linalg/math';
import {
  assertFiniteVector,
  assertInstance,
  assertInteger,
  assertProbabilityVector,
  formatValue,
  readObject,
} from '@x/linalg/validate';

/** The data of a {@link TokenTree}. */
export interface TokenTreeData {
  /** Vocabulary size V >= 2. */
  readonly vocabulary: number;
  /** Response length L >= 1 (every response has exactly L tokens). */
  readonly length: number;
  /**
   * The reference (SFT) policy: row n (length V) is $\pi_{ref}(\cdot \mid \text{prefix } n)$ for
   * each of the $(V^L - 1)/(V - 1)$ prefixes of length < L, in heap order (root 0, the children
   * of prefix n are $Vn + 1, \dots, Vn + V$).
   */
  readonly reference: ArrayLike<number>;
  /** The sequence reward $r(y)$ of each of the $V^L$ responses, in heap order of the leaves. */
  readonly reward: ArrayLike<number>;
}

/**
 * The token-tree MDP of decoding for alignment: the state is the prefix generated so far, the
 * action is the next token, the transition appends it (deterministic), and the only reward is the
 * sequence reward $r(y)$ at the end. Prefixes are numbered in heap order, so a token-level policy
 * is a `Float64Array` of (number of prefixes) x V next-token probabilities.
 *
 * Validated on construction: every reference row is a distribution, rewards are finite, sizes
 * agree; the tree is limited to $2^{22}$ responses.
 *
 * @example
 * const tree = randomTokenTree(createRng(1), 2, 2);
 * const copy = new TokenTree(JSON.parse(JSON.stringify(tree))); // it travels as JSON
 * copy.responses; // 4
 *
 * References: Chakraborty et al., "Transfer Q Star: Principled Decoding for LLM Alignment",
 * arXiv:2405.20495 (the token-level MDP of decoding, as its abstract and code describe it).
 */
export class TokenTree {
  readonly vocabulary: number;
  readonly length: number;
  /** Number of prefixes shorter than L (the decision nodes): $(V^L - 1)/(V - 1)$. */
  readonly prefixes: number;
  /** Number of responses $V^L$. */
  readonly responses: number;
  readonly reference: Float64Array;
  readonly reward: Float64Array;

  /** @throws TypeError on mismatched sizes; RangeError on an invalid size, row or reward */
  constructor(data: TokenTreeData) {
    const fn = 'TokenTree';
    readObject(fn, 'data', data);
    assertInteger(fn, 'vocabulary', data.vocabulary, 2, 1 << 16);
    assertInteger(fn, 'length', data.length, 1, 64);
    const V = data.vocabulary;
    const responses = pow(V, data.length);
    if (responses > 1 << 22)
      throw new RangeError(
        `${fn}: vocabulary^length must be at most 2^22, got ${V}^${data.length} = ${responses}`,
      );
    this.vocabulary = V;
    this.length = data.length;
    this.responses = responses;
    this.prefixes = (responses - 1) / (V - 1);
    this.reference = copyPolicy(fn, 'reference', this, data.reference);
    assertFiniteVector(fn, 'reward', data.reward, responses);
    this.reward = Float64Array.from(data.reward);
  }

  /** The tree as plain arrays: `new TokenTree(JSON.parse(JSON.stringify(tree)))` rebuilds it. */
  toJSON(): { vocabulary: number; length: number; reference: number[]; reward: number[] } {
    return {
      vocabulary: this.vocabulary,
      length: this.length,
      reference: Array.from(this.reference),
      reward: Array.from(this.reward),
    };
  }
}

/**
 * Validates a token-level policy on `tree` (one next-token distribution per prefix, rows within
 * 1e-9) and returns it as a fresh `Float64Array`; errors name the prefix.
 */
export function copyPolicy(
  fn: string,
  name: string,
  tree: Pick<TokenTree, 'vocabulary' | 'prefixes'>,
  policy: ArrayLike<number>,
): Float64Array {
  const V = tree.vocabulary;
  const n = tree.prefixes * V;
  if (policy?.length !== n)
    throw new TypeError(
      `${fn}: ${name} must have (number of prefixes) x vocabulary = ${n} entries, got ${formatValue(policy?.length)}`,
    );
  assertFiniteVector(fn, name, policy, n);
  const out = Float64Array.from(policy);
  for (let node = 0; node < tree.prefixes; node++)
    assertProbabilityVector(fn, `${name} at prefix ${node}`, out.subarray(node * V, node * V + V));
  return out;
}

/** Checks that `tree` is a {@link TokenTree} (built, and so validated, by its constructor). */
export function assertTokenTree(fn: string, tree: unknown): asserts tree is TokenTree {
  assertInstance(fn, 'tree', tree, TokenTree);
}
