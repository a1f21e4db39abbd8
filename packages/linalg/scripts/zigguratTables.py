"""Doornik's ZIGNOR tables (128 blocks) for sampleStandardNormal, printed as TypeScript literals.

The recursion x_i = sqrt(-2 log(V / x_{i-1} + f(x_{i-1}))) chains 128 evaluations of log, exp
and sqrt, whose last bits differ between JavaScript engines; embedding the tables computed once
here keeps normal draws bit-identical on every engine. repr() prints each double exactly.

Reference: Doornik, "An Improved Ziggurat Method to Generate Normal Random Samples", 2005.
"""
import math

C = 128
R = 3.442619855899
V = 9.91256303526217e-3

x = [0.0] * (C + 1)
f = math.exp(-0.5 * R * R)
x[0] = V / f
x[1] = R
x[C] = 0.0
for i in range(2, C):
    x[i] = math.sqrt(-2 * math.log(V / x[i - 1] + f))
    f = math.exp(-0.5 * x[i] * x[i])
r = [x[i + 1] / x[i] for i in range(C)]


def block(name, values):
    body = ",\n".join("  " + ", ".join(repr(v) for v in values[i : i + 4]) for i in range(0, len(values), 4))
    return f"const {name} = Float64Array.of(\n{body},\n);"


print(block("ZIG_X", x))
print(block("ZIG_R", r))
