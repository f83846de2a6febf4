#!/usr/bin/env python3
"""Writes an N x N crossbar of level-2 perovskite memristors (the parameters of examples/hopf_memristor_l2.cir)
for a .hopf sweep: one current source I1 feeds a bus tied to every row through 1 mohm; 1 mohm per row and column
segment; every column to ground through 1 mohm. With identical cells each gets about I1/N^2, so the sweep range
N^2 * (2, 11) crosses the single cell's oscillatory window (cell current 2.51 .. 10.01).
usage: python3 bench/gen_hopf_crossbar.py N [points] > hopf_crossbar_N.cir"""
import sys

n = int(sys.argv[1])
points = int(sys.argv[2]) if len(sys.argv) > 2 else 5
out = [f"{n}x{n} crossbar of level-2 memristors, .hopf (bench/gen_hopf_crossbar.py)",
       ".model PM PEROVSKITE level=2 cm=0.1 rb=1 ic0=10 vt=1 vm=0.05 taud=1 tauk=0.5",
       "I1 0 bus DC 1"]
for i in range(1, n + 1):
    out.append(f"Rb{i} bus r{i}_0 1m")
    for j in range(1, n + 1):
        out.append(f"Rr{i}_{j} r{i}_{j-1} r{i}_{j} 1m")
        out.append(f"Rc{i}_{j} c{i-1}_{j} c{i}_{j} 1m")
        out.append(f"N{i}_{j} r{i}_{j} c{i}_{j} PM")
for j in range(1, n + 1):
    out.append(f"Rg{j} c{n}_{j} 0 1m")
    out.append(f"Rt{j} c0_{j} 0 1meg")
lo, hi = 2 * n * n, 11 * n * n
step = (hi - lo) / (points - 1)
out.append(f".hopf I1 {lo} {hi} {step:g}")
out.append(".print hopf v(bus)")
out.append(".end")
print("\n".join(out))
