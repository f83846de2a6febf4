#!/usr/bin/env python3
"""Writes an RC-ladder netlist: N sections of R = 1 kOhm and C = 1 nF driven by a PULSE source, 1 ms transient.
usage: python3 bench/gen_rc_ladder.py N > ladder_N.cir
The same file runs in ngspice and in perovspice."""
import sys

n = int(sys.argv[1])
out = [f"RC ladder, {n} sections",
       "V1 n0 0 PULSE(0 1 10u 1u 1u 400u 800u)"]
for k in range(1, n + 1):
    out.append(f"R{k} n{k-1} n{k} 1k")
    out.append(f"C{k} n{k} 0 1n")
out.append(".tran 1u 1m")
out.append(f".print tran v(n1) v(n{n})")
out.append(".end")
print("\n".join(out))
