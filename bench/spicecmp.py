#!/usr/bin/env python3
"""Compares an ngspice binary raw file with a perovspice CSV (pure Python, no numpy).

usage: python3 bench/spicecmp.py NGSPICE.raw PEROVSPICE.csv
Prints, for every column present in both, the max |difference| as a % of the column's range (over both
results), evaluated on the union of both time grids with linear interpolation, and the point counts.
As a module: read_raw, read_csv, compare.
"""
import bisect
import csv
import struct
import sys


def read_raw(path):
    """ngspice binary raw (real): {name: [values]} with the scale as the first key, lower-case names."""
    data = open(path, "rb").read()
    i = data.index(b"Binary:\n")
    lines = data[:i].decode().splitlines()
    body = data[i + len(b"Binary:\n"):]
    nv = int(next(l for l in lines if l.startswith("No. Variables")).split(":")[1])
    npt = int(next(l for l in lines if l.startswith("No. Points")).split(":")[1])
    k = lines.index("Variables:")
    names = [lines[k + 1 + j].split()[1].lower() for j in range(nv)]
    vals = struct.unpack(f"<{nv * npt}d", body[:8 * nv * npt])
    return {name: list(vals[j::nv]) for j, name in enumerate(names)}


def read_csv(path):
    rows = list(csv.reader(open(path)))
    head = [h.strip().lower() for h in rows[0]]
    cols = {h: [] for h in head}
    for r in rows[1:]:
        for h, x in zip(head, r):
            cols[h].append(float(x))
    return cols


def interp(xs, ys, x):
    k = bisect.bisect_left(xs, x)
    if k <= 0:
        return ys[0]
    if k >= len(xs):
        return ys[-1]
    x0, x1 = xs[k - 1], xs[k]
    if x1 == x0:
        return ys[k]
    return ys[k - 1] + (ys[k] - ys[k - 1]) * (x - x0) / (x1 - x0)


def compare(ng, pv):
    """{column: (max |diff|, range, max |diff| / range in %)} for the columns in both, with the point counts."""
    ng_t = next(iter(ng.values()))
    pv_t = next(iter(pv.values()))
    grid = sorted(set(ng_t) | set(pv_t))
    res = {}
    for name in pv:
        if name == next(iter(pv)) or name not in ng:
            continue
        a = [interp(ng_t, ng[name], t) for t in grid]
        b = [interp(pv_t, pv[name], t) for t in grid]
        rng = max(max(a), max(b)) - min(min(a), min(b))
        d = max(abs(x - y) for x, y in zip(a, b))
        res[name] = (d, rng, 100 * d / rng if rng > 0 else float("nan"))
    return res, len(ng_t), len(pv_t)


if __name__ == "__main__":
    res, nng, npv = compare(read_raw(sys.argv[1]), read_csv(sys.argv[2]))
    print(f"points: ngspice {nng}, perovspice {npv}")
    for k, (d, rng, pct) in res.items():
        print(f"{k}: max |diff| {d:.3e} of range {rng:.3e} = {pct:.3f} %")
