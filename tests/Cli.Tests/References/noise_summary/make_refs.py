#!/usr/bin/env python3
"""ngspice 39 references of the .noise pts_per_summary test: summary.cir (ours) becomes summary.ngspice.cir (the same
netlist with a .control block) and `ngspice -b summary.ngspice.cir` in this folder writes summary.ngspice.txt (every
vector of the noise1 plot: frequency, onoise_spectrum, inoise_spectrum, onoise_DEV, onoise_DEV_GEN) and
summary.total.ngspice.txt (every vector of noise2: onoise_total…, inoise_total…).
Run from anywhere:  python3 tests/Cli.Tests/References/noise_summary/make_refs.py   (needs ngspice 39 on the PATH)."""
import os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CONTROL = """.control
set wr_singlescale
set wr_vecnames
option numdgt=15
run
setplot noise1
wrdata summary.ngspice.txt all
setplot noise2
wrdata summary.total.ngspice.txt all
.endc
"""
lines = open(os.path.join(HERE, "summary.cir")).read().rstrip("\n").split("\n")
if lines[-1].strip().lower() == ".end":
    lines.pop()
open(os.path.join(HERE, "summary.ngspice.cir"), "w").write("\n".join(lines) + "\n" + CONTROL + ".end\n")
outputs = [os.path.join(HERE, f) for f in ("summary.ngspice.txt", "summary.total.ngspice.txt")]
for o in outputs:
    if os.path.exists(o):
        os.remove(o)
r = subprocess.run(["ngspice", "-b", "summary.ngspice.cir"], cwd=HERE, capture_output=True, text=True)
if not all(os.path.exists(o) for o in outputs):
    print(r.stdout, r.stderr, file=sys.stderr)
    sys.exit("ngspice failed")
print("wrote summary.ngspice.txt, summary.total.ngspice.txt")
