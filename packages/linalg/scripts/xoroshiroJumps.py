"""Jump polynomials of xoroshiro128+ (a=24, b=16, c=37) for the stream tree of createRng.

The state transition is linear over GF(2), so advancing by 2^k steps is multiplication by
x^(2^k) modulo the characteristic polynomial p(x) of the transition. We recover p(x) by
Berlekamp-Massey from the lowest output bit (which is s0 ^ s1, a linear function of the
state), compute x^(2^k) mod p for k in {10, 48, 64, 80, 96, 112}, and print each as four 32-bit
words in the order the jump loop reads them (low word of the low 64 bits first). k = 10 serves
the test that compares a jump with 1024 steps.

Check: k = 64 must reproduce the published JUMP constants {0xdf900294d8f554a5,
0x170865df4b3201fc} and k = 96 the LONG_JUMP constants {0xd2a98b26625eee7b,
0xdddf9b1090aa7ac1} of Blackman and Vigna, "Scrambled Linear Pseudorandom Number
Generators", ACM TOMS 2021, arXiv:1805.01407.
"""

M = (1 << 64) - 1


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M


def step(s0, s1):
    out = (s0 + s1) & M
    s1 ^= s0
    s0 = rotl(s0, 24) ^ s1 ^ ((s1 << 16) & M)
    s1 = rotl(s1, 37)
    return out, s0, s1


def berlekamp_massey(bits):
    n = len(bits)
    c, b = [1] + [0] * n, [1] + [0] * n
    L, m = 0, -1
    for i in range(n):
        d = bits[i]
        for j in range(1, L + 1):
            d ^= c[j] & bits[i - j]
        if d:
            t = c[:]
            for j in range(n - i + m + 1):
                if i - m + j <= n:
                    c[i - m + j] ^= b[j]
            if 2 * L <= i:
                L, m, b = i + 1 - L, i, t
    return c[: L + 1], L


def polymulmod(a, b, p, deg):
    r = 0
    while b:
        if b & 1:
            r ^= a
        b >>= 1
        a <<= 1
        if (a >> deg) & 1:
            a ^= p
    return r


def x_pow_2k(k, p, deg):
    r = 2  # the polynomial x
    for _ in range(k):
        r = polymulmod(r, r, p, deg)
    return r


s0, s1 = 0x0123456789ABCDEF, 0xFEDCBA9876543210
bits = []
for _ in range(600):
    out, s0, s1 = step(s0, s1)
    bits.append(out & 1)
conn, L = berlekamp_massey(bits)
assert L == 128, L
# characteristic polynomial: reverse of the connection polynomial
p = 0
for i, ci in enumerate(conn):
    if ci:
        p |= 1 << (L - i)
for k in (10, 48, 64, 80, 96, 112):
    q = x_pow_2k(k, p, L)
    words = [(q >> (32 * i)) & 0xFFFFFFFF for i in range(4)]
    print(k, [hex(w) for w in words], hex(q & M), hex(q >> 64))
