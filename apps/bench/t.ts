const BLOCKS = 128,
  R = 3.442619855899,
  V = 9.91256303526217e-3;
const X = new Float64Array(BLOCKS + 1);
let f = Math.exp(-0.5 * R * R);
X[0] = V / f;
X[1] = R;
for (let i = 2; i < BLOCKS; i++) {
  X[i] = Math.sqrt(-2 * Math.log(V / X[i - 1]! + f));
  f = Math.exp(-0.5 * X[i]! * X[i]!);
}
console.log(JSON.stringify(Array.from(X)));
