#!/usr/bin/env python3
"""Generate a large netlist for timing the netlist front end.

Usage: python3 bench/gen_big_netlist.py [OUT.cir] [N_ELEMENTS]
Default: bench/big.cir with 100000 elements: an RC ladder (R and C per rung) driven by a
pulse source, plus instances of a small two-level subcircuit (each expanding to 4 elements),
with parameters, a local model and a diode model, so every stage of the reader is exercised.
"""
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "bench/big.cir"
total = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000

lines = ["* big RC ladder with subcircuit instances",
         ".param rval=1k cval={1u/10} scale=2",
         ".model dfast D(is=1e-14 n=1.05 rs=0.1)",
         ".subckt leaf a b params: r=1k",
         "R1 a mid {r}",
         "C1 mid b 1n",
         ".ends leaf",
         ".subckt cell in out params: k=1",
         ".model dl D is={1e-14*k}",
         "X1 in m leaf r={k*100}",
         "D1 m out dl",
         "R2 out 0 {10k*k}",
         ".ends cell",
         "V1 n0 0 DC 0 AC 1 PULSE(0 1 1n 1n 1n 5u 10u)"]
count = 1
cells = total // 10            # each cell instance makes 4 elements
rungs = (total - 1 - 4 * cells) // 2
for k in range(rungs):
    lines.append(f"R{k} n{k} n{k + 1} {{rval*scale}}")
    lines.append(f"C{k} n{k + 1} 0 {{cval}}")
    count += 2
for j in range(cells):
    lines.append(f"Xc{j} n{(j * 7) % rungs} c{j} cell k={1 + j % 5}")
    count += 4
lines += [".op", ".tran 1u 100u", ".ac dec 10 1 1meg", ".print tran v(n1) v(c0) i(v1)", ".end"]
with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
print(f"wrote {out}: {count} elements after flattening")
