#!/usr/bin/env python3
"""Writes an N-stage CMOS ring oscillator (N odd; level-3 devices with Meyer and junction capacitances, as
examples/ring_oscillator_5stage.cir), started from alternating .ic values, with a transient of about five
periods. (Its dc point is the hard metastable one: from scratch ngspice 39 needs its transient-op fallback
beyond ~50 stages.)
usage: python3 bench/gen_ring_osc.py N > ring_N.cir
The same file runs in ngspice and in perovspice."""
import sys

n = int(sys.argv[1])
if n < 3 or n % 2 == 0:
    sys.exit("N must be odd and >= 3")
period = 2 * n * 0.145e-9  # about 0.145 ns per stage delay (5 stages: 1.45 ns)
out = [f"CMOS ring oscillator, {n} stages",
       ".model nch nmos level=3 vto=0.7 tox=20n nsub=1e16 u0=550 xj=0.3u ld=0.1u vmax=1.5e5 theta=0.07 eta=0.1 "
       "kappa=0.5 nfs=5e11 cgso=2.5e-10 cgdo=2.5e-10 cj=2e-4 cjsw=5e-10",
       ".model pch pmos level=3 vto=-0.75 tox=20n nsub=1.5e16 u0=220 xj=0.3u ld=0.1u vmax=1e5 theta=0.1 eta=0.1 "
       "kappa=0.5 nfs=5e11 cgso=2.5e-10 cgdo=2.5e-10 cj=3e-4 cjsw=6e-10",
       "vdd vdd 0 3.3"]
for k in range(1, n + 1):
    i = n if k == 1 else k - 1
    out.append(f"mp{k} n{k} n{i} vdd vdd pch l=1u w=6u ad=12p as=12p pd=16u ps=16u")
    out.append(f"mn{k} n{k} n{i} 0 0 nch l=1u w=3u ad=6p as=6p pd=10u ps=10u")
out.append(".ic " + " ".join(f"v(n{k})={0 if k % 2 else 3.3}" for k in range(1, n + 1)))
out.append(f".tran {period / 200:.4g} {5 * period:.4g}")
out.append(".print tran v(n1)")
out.append(".end")
print("\n".join(out))
