#!/usr/bin/env python3
"""Regenerates the ngspice reference numbers of the BSIM3 tests (the tests never run ngspice).

Run from this folder:  python3 make_refs.py   (needs ngspice-39 on the PATH)
For each case below it writes <case>.cir (the model card bsim3_018.lib included), runs `ngspice -b <case>.cir`
and keeps the wrdata table as <case>.txt (15 significant digits, header = vector names)."""
import os, subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
OPTS = ".options reltol=1e-6 abstol=1e-15 vntol=1e-9 gmin=1e-12"

# name -> (model, W, L, extra instance params, vbs, analysis, swept output vector)
GEOM = {
    "short": ("w=1u l=0.18u as=0.5p ad=0.5p ps=3u pd=3u nrs=0.5 nrd=0.5", ),
    "long": ("w=10u l=2u as=5p ad=5p ps=12u pd=12u nrs=0.05 nrd=0.05", ),
}
CASES = []
for dev, model, sgn in (("n", "n018", 1), ("p", "p018", -1)):
    for gname, (inst,) in GEOM.items():
        for vb in (0, -1):
            CASES.append((f"{dev}_{gname}_vb{-vb}_idvd", model, inst, sgn * vb, "idvd", sgn))
            CASES.append((f"{dev}_{gname}_vb{-vb}_idvg", model, inst, sgn * vb, "idvg", sgn))


def write_case(name, model, inst, vb, kind, sgn, temp=None):
    if kind == "idvd":
        dc = f".dc vd 0 {sgn*1.8} {sgn*0.05} vg {sgn*0.6} {sgn*1.8} {sgn*0.3}"
        vd0, vg0 = 0, 0
    else:
        dc = f".dc vg 0 {sgn*1.8} {sgn*0.025} vd {sgn*0.05} {sgn*1.8} {sgn*1.75}"
        vd0, vg0 = 0, 0
    text = f"""* BSIM3 {name}: {kind} of {model} ({inst}) at vbs={vb}
.include bsim3_018.lib
vd d 0 {vd0}
vg g 0 {vg0}
vb b 0 {vb}
m1 d g 0 b {model} {inst}
{OPTS}
{'.temp ' + str(temp) if temp is not None else ''}
.control
set wr_singlescale
set wr_vecnames
option numdgt=15
{dc[1:]}
wrdata {name}.txt i(vd) i(vb)
.endc
.end
"""
    open(os.path.join(HERE, name + ".cir"), "w").write(text)


def main():
    cases = list(CASES)
    cases.append(("n_short_vb0_idvd_t85", "n018", GEOM["short"][0], 0, "idvd", 1, 85))
    cases.append(("p_long_vb1_idvg_t85", "p018", GEOM["long"][0], 1, "idvg", -1, 85))
    for c in cases:
        write_case(*c)
        out = os.path.join(HERE, c[0] + ".txt")
        if os.path.exists(out):
            os.remove(out)
        # ngspice -b exits 1 after a .control-only run ("no simulations run"); the table is what counts.
        subprocess.run(["ngspice", "-b", c[0] + ".cir"], cwd=HERE, capture_output=True)
        if not os.path.exists(out):
            raise SystemExit("ngspice wrote no " + out)
        print("wrote", c[0] + ".txt")


if __name__ == "__main__":
    main()
