#!/usr/bin/env python3
"""Regenerates vectors/lagrange.json, feldman.json, sid.json and tdh2.json with plain Python integers and a
textbook affine secp256k1, independent of the Java code under test. Run from this folder: python3 shamir.py"""
import hashlib
import json

P = 2**256 - 2**32 - 977
Q = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
G = (0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798,
     0x483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8)


def add(a, b):
    if a is None:
        return b
    if b is None:
        return a
    if a[0] == b[0] and (a[1] + b[1]) % P == 0:
        return None
    if a == b:
        lam = 3 * a[0] * a[0] * pow(2 * a[1], -1, P) % P
    else:
        lam = (b[1] - a[1]) * pow(b[0] - a[0], -1, P) % P
    x = (lam * lam - a[0] - b[0]) % P
    return (x, (lam * (a[0] - x) - a[1]) % P)


def mul(k, pt):
    acc = None
    while k:
        if k & 1:
            acc = add(acc, pt)
        pt = add(pt, pt)
        k >>= 1
    return acc


def enc(pt):
    return '0x04' + format(pt[0], '064x') + format(pt[1], '064x')


def h32(v):
    return '0x' + format(v, '064x')


def lagrange(i, s):
    num, den = 1, 1
    for m in s:
        if m != i:
            num = num * m % Q
            den = den * (m - i) % Q
    return num * pow(den, -1, Q) % Q


sets = [[1, 2, 3], [1, 3, 5], [2, 4, 7], [1, 2, 3, 4, 5], [3, 5, 6, 7, 10], [1, 2]]
lag = {'source': 'plain Python integers: lambda_i = prod m/(m-i) mod q over the set', 'cases': []}
for s in sets:
    shares = {i: (1000 * i * i + 7 * i + 42) % Q for i in s}  # f(z) = 1000 z^2 + 7 z + 42 at the set
    lag['cases'].append({'indices': s, 'coefficients': [h32(lagrange(i, s)) for i in s],
                         'shares': [h32(shares[i]) for i in s],
                         'interpolatedAtZero': h32(sum(lagrange(i, s) * shares[i] for i in s) % Q)})
json.dump(lag, open('../resources/vectors/lagrange.json', 'w'), indent=2)

coeffs = [int(hashlib.sha256(b'sigil feldman vector %d' % k).hexdigest(), 16) % Q for k in range(3)]
commit = [mul(a, G) for a in coeffs]
fel = {'source': 'plain Python secp256k1; coefficients a_k = SHA-256("sigil feldman vector k") mod q',
       'coefficients': [h32(a) for a in coeffs], 'commitments': [enc(c) for c in commit], 'shares': []}
for j in range(1, 6):
    f = sum(a * j ** k for k, a in enumerate(coeffs)) % Q
    fel['shares'].append({'index': j, 'share': h32(f), 'publicShare': enc(mul(f, G)), 'valid': True})
    fel['shares'].append({'index': j, 'share': h32((f + 1) % Q), 'publicShare': enc(mul(f, G)), 'valid': False})
json.dump(fel, open('../resources/vectors/feldman.json', 'w'), indent=2)

req = bytes(range(16))
key = hashlib.sha256(b'key').digest()
e = hashlib.sha256(b'message').digest()
sids = {'source': 'sid = SHA-256(requestId(16) || keyId(32) || UTF-8 sigName || e(32))', 'cases': []}
for name in ['sig1', '', 'sigñ']:
    sids['cases'].append({'requestId': '0x' + req.hex(), 'keyId': '0x' + key.hex(), 'sigName': name, 'e': '0x' + e.hex(),
                          'sid': '0x' + hashlib.sha256(req + key + name.encode() + e).hexdigest()})
json.dump(sids, open('../resources/vectors/sid.json', 'w'), indent=2)

# TDH2 second generator H: the first x = SHA-256(domain || u32 counter) below p with x^3 + 7 a square, even y.
domain = b'sigil/tdh2/H/v1'
counter = 0
while True:
    x = int.from_bytes(hashlib.sha256(domain + counter.to_bytes(4, 'big')).digest(), 'big')
    if x < P:
        v = (pow(x, 3, P) + 7) % P
        y = pow(v, (P + 1) // 4, P)
        if y * y % P == v:
            if y & 1:
                y = P - y
            break
    counter += 1
json.dump({'source': 'plain Python try-and-increment, see shamir.py', 'domain': domain.decode(), 'counter': counter,
           'H': enc((x, y))}, open('../resources/vectors/tdh2.json', 'w'), indent=2)
