#!/usr/bin/env python3
"""Writes an N x N 1T1R crossbar (one NMOS access transistor and one perovskite memristor per cell).

usage: python3 bench/gen_1t1r.py N [--flavor perovspice|ngspice] [--level 1|3] > xbar1t1r_N.cir

Cell (i, j), i = row (word line) 1..N, j = column (bit line) 1..N:
  memristor from bit line b{j} to the cell's middle node m{i}_{j};
  NMOS M{i}_{j}: drain m{i}_{j}, gate w{i} (word line i), source s{i} (source line i), bulk 0;
  source line i reaches ground through a 10 ohm sense resistor (v(s{i}) = 10 ohm x row current).
Bit lines are driven through 1 ohm from pulse sources; word lines directly (3.3 V selects a row, 0 V isolates it).

Program, then read: word line 1 is high during the programming trains; bit line 1 gets three 1.4 V pulses and bit line
ceil(N/2) three 1.2 V pulses (level 1: 2 ms wide, 4 ms period; level 3: 100 ms wide, 200 ms period); then every word
line goes high and every bit line gets one read pulse (level 1: 0.5 V, 2 ms; level 3: 1.0 V, 20 ms, so that the
level-3 gate is open and the memory state shows in the current). The cells of row 1 on the programmed columns have
switched (level 1: ic -> ic0) or potentiated (level 3: w grows), so their read current is larger: the sense
voltages v(s1) ... show it.

Memristors: level 1 as in bench/gen_crossbar.py (rb 1 kohm, ic0 10 mA, vt 1 V, vm 50 mV, cm 10 nF, taud 1 ms);
level 3 with the paper's defaults. The ngspice flavour writes level 1 as the behavioural equivalent of
gen_crossbar.py (level 3 has no ngspice form: perovspice only).
NMOS: level 1, vto 0.7 V, kp 100 uA/V^2, lambda 0.02, W/L = 100 (carries the 10 mA of an on cell at vds < 1 V).
"""
import argparse
import sys
import os

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_crossbar as xb  # noqa: E402

NMOS = ".model NACC NMOS level=1 vto=0.7 kp=100u lambda=0.02 cgso=1n cgdo=1n"
TIMING = {1: dict(width=2e-3, period=4e-3, edge=10e-6, tstep=20e-6, read=0.5, read_width=2e-3),
          3: dict(width=100e-3, period=200e-3, edge=0.1e-3, tstep=1e-3, read=1.0, read_width=20e-3)}


def g(x):
    return f"{x:.12g}"


def netlist(n, flavor, level):
    t = TIMING[level]
    count = 3
    prog_end = 0.5 * t["period"] + count * t["period"]
    read_at = prog_end + 0.5 * t["period"]
    stop = read_at + t["read_width"] + 0.25 * t["period"]
    mid = (n + 1) // 2
    out = [f"{n}x{n} 1T1R crossbar, level-{level} memristors ({flavor} flavour, bench/gen_1t1r.py)", NMOS]
    if flavor == "perovspice":
        out.append(".model PM PEROVSKITE level=1 " + " ".join(f"{k}={g(v)}" for k, v in xb.CELL.items())
                   if level == 1 else ".model PM PEROVSKITE level=3")
    e = g(t["edge"])
    # word lines: row 1 high from the start to the end of the read; the others only for the read
    for i in range(1, n + 1):
        start = 0 if i == 1 else read_at - t["edge"] * 10
        width = stop - start - 2 * t["edge"] * 10
        out.append(f"VW{i} w{i} 0 PULSE(0 3.3 {g(start)} {e} {e} {g(width)} {g(2 * stop)})")
        out.append(f"RS{i} s{i} 0 10")
    for j in range(1, n + 1):
        amp = 1.4 if j == 1 else 1.2 if j == mid else 0
        pieces = ["0 0"]
        if amp:
            for k in range(count):
                t0 = 0.5 * t["period"] + k * t["period"]
                pieces += [f"{g(t0)} 0", f"{g(t0 + t['edge'])} {g(amp)}",
                           f"{g(t0 + t['edge'] + t['width'])} {g(amp)}", f"{g(t0 + 2 * t['edge'] + t['width'])} 0"]
        r, rw = g(t["read"]), t["read_width"]
        pieces += [f"{g(read_at)} 0", f"{g(read_at + t['edge'])} {r}",
                   f"{g(read_at + t['edge'] + rw)} {r}", f"{g(read_at + 2 * t['edge'] + rw)} 0"]
        out.append(f"VB{j} d{j} 0 PWL({' '.join(pieces)})")
        out.append(f"RB{j} d{j} b{j} 1")
    for i in range(1, n + 1):
        for j in range(1, n + 1):
            name = f"{i}_{j}"
            if flavor == "perovspice":
                out.append(f"N{name} b{j} m{name} PM")
            else:
                out += xb.cell_lines("ngspice", name, f"b{j}", f"m{name}")
            out.append(f"M{name} m{name} w{i} s{i} 0 NACC L=1u W=100u")
    out.append(f".tran {g(t['tstep'])} {g(stop)}")
    pr = " ".join(dict.fromkeys(f"v(s{i})" for i in (1, mid, n)))
    if flavor == "perovspice" and level == 3:
        pr += " " + " ".join(dict.fromkeys(f"@n{c}[w]" for c in (f"1_1", f"1_{mid}", f"{n}_{n}")))
    if flavor == "ngspice":
        out.append(".options acct")
        out.append(f".save {pr}")
    out.append(f".print tran {pr}")
    out.append(".end")
    return "\n".join(out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--flavor", choices=["perovspice", "ngspice"], default="perovspice")
    ap.add_argument("--level", type=int, choices=[1, 3], default=1)
    a = ap.parse_args()
    if a.flavor == "ngspice" and a.level != 1:
        sys.exit("the ngspice flavour exists for level 1 only")
    print(netlist(a.n, a.flavor, a.level))
