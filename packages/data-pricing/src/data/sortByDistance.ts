const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * Sorts point indices by increasing non-negative distance, ties by index, reusing its buffers
 * across calls: a least-significant-digit radix sort on the bytes of the IEEE-754 keys (for
 * non-negative doubles the bit patterns order like the numbers), eight stable counting passes
 * that skip bytes every key shares, so ties keep the index order. On a big-endian engine it falls
 * back to a comparison sort. @internal
 */
export class DistanceSorter {
  readonly #n: number;
  #keys: Float64Array;
  #spare: Float64Array;
  #keyBytes: Uint8Array;
  #spareBytes: Uint8Array;
  #idx: Int32Array;
  #spareIdx: Int32Array;
  readonly #count = new Int32Array(256);

  constructor(n: number) {
    this.#n = n;
    this.#keys = new Float64Array(n);
    this.#spare = new Float64Array(n);
    this.#keyBytes = new Uint8Array(this.#keys.buffer);
    this.#spareBytes = new Uint8Array(this.#spare.buffer);
    this.#idx = new Int32Array(n);
    this.#spareIdx = new Int32Array(n);
  }

  /** The buffer to fill with the n distances (>= 0, not NaN) before calling {@link sort}. */
  get distances(): Float64Array {
    return this.#keys;
  }

  /** Sorts the distances; returns the indices in sorted order (valid until the next call). */
  sort(): Int32Array {
    const n = this.#n;
    for (let i = 0; i < n; i++) this.#idx[i] = i;
    if (!LITTLE_ENDIAN) {
      const keys = this.#keys;
      const order = Array.from(this.#idx).sort((a, b) => keys[a]! - keys[b]! || a - b);
      this.#idx.set(order);
      return this.#idx;
    }
    const count = this.#count;
    for (let byte = 0; byte < 8; byte++) {
      const bytes = this.#keyBytes;
      count.fill(0);
      for (let i = 0; i < n; i++) count[bytes[i * 8 + byte]!]!++;
      // A byte every key shares does not change the order.
      if (count[bytes[byte]!] === n) continue;
      let total = 0;
      for (let b = 0; b < 256; b++) {
        const c = count[b]!;
        count[b] = total;
        total += c;
      }
      const keys = this.#keys;
      const idx = this.#idx;
      const outKeys = this.#spare;
      const outIdx = this.#spareIdx;
      for (let i = 0; i < n; i++) {
        const at = count[bytes[i * 8 + byte]!]!++;
        outKeys[at] = keys[i]!;
        outIdx[at] = idx[i]!;
      }
      this.#keys = outKeys;
      this.#spare = keys;
      this.#keyBytes = this.#spareBytes;
      this.#spareBytes = bytes;
      this.#idx = outIdx;
      this.#spareIdx = idx;
    }
    return this.#idx;
  }
}
