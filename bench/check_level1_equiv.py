#!/usr/bin/env python3
"""Checks, on one device, that ngspice's behavioural form of the level-1 memristor (bench/gen_crossbar.py,
flavour ngspice) is the same circuit as perovspice's N element, before any crossbar timing.

usage: python3 bench/check_level1_equiv.py PEROVSPICE_EXE [WORKDIR=bench/.build/equiv]
1. dc I-V, V1 from -1.5 to 1.5 V step 10 mV, for the crossbar cell and for the paper's normalized set;
   ngspice with tight tolerances (reltol 1e-10) and with its defaults. Criterion: max |dI| <= 1e-6 x max |I|.
2. transient: the crossbar's 1.4 V pulse train (3 x 2 ms) through 100 ohm into one cell, 12 ms.
   Criterion (the circuits are the same): with reltol = 1e-6 in both, max |difference| <= 0.5 % of range for
   v(a) and i(v1). Also printed: both at default tolerances, and each default run against ngspice at 1e-6
   (which of the two defaults is closer to the converged answer).
Exit code 1 if a criterion fails.
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_crossbar as gx  # noqa: E402
import spicecmp  # noqa: E402

exe = sys.argv[1]
work = sys.argv[2] if len(sys.argv) > 2 else "bench/.build/equiv"
os.makedirs(work, exist_ok=True)
NORMALIZED = dict(rb=1, ic0=10, vt=1, vm=0.05, cm=0.01, taud=1)


def netlist(flavor, title, params, analysis, printed, options=""):
    out = [title, *gx.model_lines(flavor, params)]
    out += analysis[0]
    out += gx.cell_lines(flavor, "1", "a", "0", params)
    out.append(analysis[1])
    if flavor == "ngspice":
        out.append(f".save {printed}")
    if options:
        out.append(f".options {options}")
    out.append(f".print {analysis[1].split()[0][1:]} {printed}")
    out.append(".end")
    return "\n".join(out) + "\n"


def run(name, params, analysis, printed, ng_options="", pv_options=""):
    files = {}
    for flavor in ("perovspice", "ngspice"):
        path = os.path.join(work, f"{name}_{flavor}.cir")
        with open(path, "w") as f:
            opts = ng_options if flavor == "ngspice" else pv_options
            f.write(netlist(flavor, f"{name} ({flavor})", params, analysis, printed, opts))
        files[flavor] = path
    raw = os.path.join(work, f"{name}.raw")
    subprocess.run(["ngspice", "-b", "-r", raw, files["ngspice"]], check=True, capture_output=True)
    outdir = os.path.join(work, f"{name}.out")
    subprocess.run([exe, "run", files["perovspice"], "-o", outdir, "--quiet"], check=True)
    kind = "dc" if analysis[1].startswith(".dc") else "tran"
    return spicecmp.read_raw(raw), spicecmp.read_csv(os.path.join(outdir, f"{kind}.csv"))


ok = True
dc = (["V1 a 0 DC 0"], ".dc V1 -1.5 1.5 0.01")
for label, params in (("cell", gx.CELL), ("normalized", NORMALIZED)):
    for tol, opts in (("tight", "reltol=1e-10 vntol=1e-12 abstol=1e-15"), ("default", "")):
        ng, pv = run(f"dc_{label}_{tol}", params, dc, "i(v1)", opts)
        d = max(abs(x - y) for x, y in zip(ng["i(v1)"], pv["i(v1)"]))
        imax = max(abs(x) for x in pv["i(v1)"])
        verdict = "ok" if d <= 1e-6 * imax else ("FAIL" if tol == "tight" else "(ngspice reltol)")
        ok &= verdict != "FAIL"
        print(f"dc {label:10s} ngspice {tol:7s}: {len(ng['i(v1)'])} points, max |dI| = {d:.3e} A "
              f"= {d / imax:.2e} of max |I| {imax:.4g} A  {verdict}")

p = gx.PULSE
tran = ([f"V1 d 0 PULSE(0 1.4 0.5m {p['edge']} {p['edge']} {p['width']} {p['period']} {p['count']})",
         "Rs d a 100"], f".tran {gx.TSTEP} {gx.TSTOP}")
tight = "reltol=1e-6"
runs = {tol: run(f"tran_cell_{tol}", gx.CELL, tran, "v(a) i(v1)", o, o)
        for tol, o in (("default", ""), ("tight", tight))}
ref = runs["tight"][0]
for what, (ng, pv), crit in (("both tight (reltol 1e-6)", runs["tight"], True),
                              ("both default", runs["default"], False),
                              ("ngspice default vs ngspice tight", (ref, runs["default"][0]), False),
                              ("perovspice default vs ngspice tight", (ref, runs["default"][1]), False)):
    res, nng, npv = spicecmp.compare(ng, pv)
    for k, (d, rng, pct) in res.items():
        verdict = ("ok" if pct <= 0.5 else "FAIL") if crit else ""
        ok &= verdict != "FAIL"
        print(f"tran {what}: {k} max |diff| {d:.3e} of range {rng:.3e} = {pct:.3f} % "
              f"(time points {nng} / {npv})  {verdict}")
sys.exit(0 if ok else 1)
