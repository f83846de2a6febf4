#!/usr/bin/env python3
"""Writes an N x N crossbar of level-1 perovskite memristors, for perovspice or for ngspice.

usage: python3 bench/gen_crossbar.py N [--flavor perovspice|ngspice] > crossbar_N.cir

Units are physical (V, ohm, A, s). The cell is the paper's normalized level-1 set (Bisquert & Guerrero 2022:
rb = 1, ic0 = 10, vt = 1, vm = 0.05) with currents scaled by 1e-3: rb = 1 kohm, ic0 = 10 mA, vt = 1 V,
vm = 50 mV, and cm = 10 nF (tau_m = rb cm = 10 us), taud = 1 ms. A cell turns on (ic -> ic0) within a
pulse when it sees more than ~1.1 V and relaxes with taud afterwards.

Topology (cell (i,j), i = row 1..N, j = column 1..N):
  row i:    driver node d{i} -[Rdrv]- r{i}_0 -[Rrow{i}_{j}, rline]- r{i}_{j} ... r{i}_{N}
  column j: c{i}_{j} -[Rcol{i}_{j}, rline]- c{i+1}_{j} ... c{N+1}_{j} = s{j} -[Rs{j}, rsense]- 0
  cell:     memristor from r{i}_{j} to c{i}_{j}
rline = 1 mohm per segment (line drop along a fully-on row of 128 cells ~ 0.1 V), rdrv = 0.1 ohm,
rsense = 1 ohm (v(s{j}) = 1 ohm x column current). Rows not driven are tied to ground through rdrv.

Drive: three rows get trains of 3 pulses (width 2 ms, period 4 ms, 10 us edges):
  row 1 at 1.4 V, row ceil(N/2) at 1.2 V (both switch), row N at 0.9 V (sub-threshold, fss = 0.12),
started 0.5, 0.7 and 0.9 ms so the three trains overlap but do not coincide. Transient 12 ms, tstep 20 us.
Printed: v(s1), v(s{ceil(N/2)}), v(s{N}) (sense nodes) and v(r1_{N}) (far end of row 1).

Flavours:
  perovspice: each cell is one element  N.. r c PM  with  .model PM PEROVSKITE level=1 ...
  ngspice:    each cell is the behavioural equivalent a user writes by hand (ic carried as the voltage of an
              internal node icn: taud d(ic)/dt = ic0 fss(u) - ic):
                Cm a b cm;  Rb a b rb;  B1 a b I=v(icn)
                Bc 0 icn I=ic0/(1+exp(-(v(a,b)-vt)/vm));  Ric icn 0 1;  Cic icn 0 taud
              plus `.save` of the printed vectors (run it as `ngspice -b -r out.raw`) and `.options acct`.
"""
import argparse

CELL = dict(rb=1e3, ic0=10e-3, vt=1.0, vm=0.05, cm=10e-9, taud=1e-3)
RLINE, RDRV, RSENSE = 1e-3, 0.1, 1.0
PULSE = dict(width=2e-3, period=4e-3, edge=10e-6, count=3)
TSTEP, TSTOP = 20e-6, 12e-3


def g(x):
    return f"{x:.12g}"


def cell_lines(flavor, name, a, b, p=CELL):
    """The element lines of one level-1 memristor from node a to node b (current a -> b)."""
    if flavor == "perovspice":
        return [f"N{name} {a} {b} PM"]
    icn = f"icn{name}"
    return [f"Cm{name} {a} {b} {g(p['cm'])}",
            f"Rb{name} {a} {b} {g(p['rb'])}",
            f"B{name} {a} {b} I=v({icn})",
            f"Bc{name} 0 {icn} I={g(p['ic0'])}/(1+exp(-(v({a},{b})-{g(p['vt'])})/{g(p['vm'])}))",
            f"Ric{name} {icn} 0 1",
            f"Cic{name} {icn} 0 {g(p['taud'])}"]


def model_lines(flavor, p=CELL):
    if flavor != "perovspice":
        return []
    return [".model PM PEROVSKITE level=1 " + " ".join(f"{k}={g(v)}" for k, v in p.items())]


def drives(n):
    """{row: (amplitude, delay)}; fewer rows for tiny arrays."""
    rows = {1: (1.4, 0.5e-3)}
    rows.setdefault((n + 1) // 2, (1.2, 0.7e-3))
    rows.setdefault(n, (0.9, 0.9e-3))
    return rows


def printed(n):
    mid = (n + 1) // 2
    names = [f"s1", f"s{mid}", f"s{n}", f"r1_{n}"]
    return [f"v({x})" for x in dict.fromkeys(names)]


def unknowns(n):
    """perovspice's unknowns: nodes (row N+1 per row, column N per column plus the sense node, driver nodes),
    one ic state per cell and one branch current per voltage source."""
    nd = len(drives(n))
    return n * (n + 1) + n * n + n + nd + n * n + nd


def crossbar(n, flavor):
    out = [f"{n}x{n} crossbar of level-1 perovskite memristors ({flavor} flavour, bench/gen_crossbar.py)"]
    out += model_lines(flavor)
    pw = PULSE
    for i in range(1, n + 1):
        if i in drives(n):
            amp, delay = drives(n)[i]
            out.append(f"V{i} d{i} 0 PULSE(0 {g(amp)} {g(delay)} {g(pw['edge'])} {g(pw['edge'])} "
                       f"{g(pw['width'])} {g(pw['period'])} {pw['count']})")
            out.append(f"Rdrv{i} d{i} r{i}_0 {g(RDRV)}")
        else:
            out.append(f"Rdrv{i} 0 r{i}_0 {g(RDRV)}")
        for j in range(1, n + 1):
            out.append(f"Rrow{i}_{j} r{i}_{j - 1} r{i}_{j} {g(RLINE)}")
    for j in range(1, n + 1):
        for i in range(1, n + 1):
            below = f"s{j}" if i == n else f"c{i + 1}_{j}"
            out.append(f"Rcol{i}_{j} c{i}_{j} {below} {g(RLINE)}")
        out.append(f"Rs{j} s{j} 0 {g(RSENSE)}")
    for i in range(1, n + 1):
        for j in range(1, n + 1):
            out += cell_lines(flavor, f"{i}_{j}", f"r{i}_{j}", f"c{i}_{j}")
    out.append(f".tran {g(TSTEP)} {g(TSTOP)}")
    pr = " ".join(printed(n))
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
    a = ap.parse_args()
    print(crossbar(a.n, a.flavor))
