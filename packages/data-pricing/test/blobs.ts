import { createRng } from '@x/linalg';

/** A small labelled data set with a few flipped labels. */
export function blobs(seed: number, n: number, d = 2) {
  const rng = createRng(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    x.push(Array.from({ length: d }, () => c * 2 + rng.nextFloat64() * 1.5));
    y.push(rng.nextFloat64() < 0.15 ? 1 - c : c);
  }
  return { x, y };
}
