#!/usr/bin/env python3
"""Independent reference for perovspice's Monte-Carlo draws (docs/cluster.md): the documented key hash
(FNV-1a-64 over seed, step-value bits, UTF-8 instance + 0xff, UTF-8 parameter + 0xff, call index; then the
SplitMix64 finaliser) and the uniform u_c = ((splitmix_final(key + golden*(c+1)) >> 11) + 0.5) / 2^53.
Run: python3 reference_draws.py > reference_draws.txt"""
import struct
M = (1 << 64) - 1
def fnv_bytes(h, bs):
    for b in bs:
        h ^= b; h = (h * 1099511628211) & M
    return h
def final(z):
    z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & M
    z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & M
    return z ^ (z >> 31)
def key(seed, step, inst, par, call):
    h = 14695981039346656037
    h = fnv_bytes(h, struct.pack('<Q', seed))
    h = fnv_bytes(h, struct.pack('<d', step))
    h = fnv_bytes(h, inst.lower().encode() + b'\xff')
    h = fnv_bytes(h, par.lower().encode() + b'\xff')
    h = fnv_bytes(h, struct.pack('<Q', call))
    return final(h)
def uniform(k, c):
    return ((final((k + 0x9e3779b97f4a7c15 * (c + 1)) & M) >> 11) + 0.5) / 2.0**53
# aunif(1000, 100) as the value of 'r1 a 0 {aunif(1000, 100)}' (instance r1, positional value '#0'), seeds 1 and 9,
# and of run 3 of '.step param run 1 3 1'
for seed, step in ((1, 0.0), (9, 0.0), (1, 3.0)):
    u = uniform(key(seed, step, 'r1', '#0', 0), 0)
    print(f"{seed} {step!r} {1000 + 100 * (2 * u - 1)!r}")
