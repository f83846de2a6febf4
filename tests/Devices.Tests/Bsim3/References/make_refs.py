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


# Card variants: suffix -> {parameter: value, or None to remove it from the card}.
VARIANTS = {
    "mob2": {"mobmod": "2"},
    "mob3": {"mobmod": "3", "uc": "-0.04", "uc1": "-0.05"},
    "ngate": {"ngate": "3e19"},
    "bin0": {"binunit": "0", "lvth0": "-1e-9", "wketa": "2e-9", "pu0": "0.5e-12"},
    "k1calc": {"k1": None, "k2": None, "nch": None, "gamma1": "0.45", "nsub": "2e17", "xt": "1.2e-7", "vbm": "-2.5"},
}


def card(model, overrides):
    """The card of `model` from bsim3_018.lib renamed to `mx`, with overrides applied."""
    text = open(os.path.join(HERE, "bsim3_018.lib")).read()
    lines, out, take = text.splitlines(), [], False
    for ln in lines:
        if ln.startswith(".model"):
            take = ln.split()[1] == model
            if take:
                ln = ln.replace(model, "mx", 1)
        if take and (ln.startswith(".model") or ln.startswith("+")):
            toks = []
            for t in ln.split():
                k = t.split("=")[0]
                if k in overrides and overrides[k] is None:
                    continue
                if k in overrides:
                    t = f"{k}={overrides[k]}"
                toks.append(t)
            out.append(" ".join(toks))
    given = {k for ln in out for k in [t.split("=")[0] for t in ln.split()]}
    extra = [f"{k}={v}" for k, v in overrides.items() if v is not None and k not in given]
    if extra:
        out.append("+ " + " ".join(extra))
    return "\n".join(out)


def write_case(name, model, inst, vb, kind, sgn, temp=None, variant=None):
    if kind == "fwdb":
        dc = f".dc vb 0 {sgn*1.0} {sgn*0.02} vd {sgn*0.05} {sgn*1.05} {sgn*1.0}"
        vd0, vg0 = 0, sgn * 0.8
    elif kind == "idvd":
        dc = f".dc vd 0 {sgn*1.8} {sgn*0.05} vg {sgn*0.6} {sgn*1.8} {sgn*0.3}"
        vd0, vg0 = 0, 0
    else:
        dc = f".dc vg 0 {sgn*1.8} {sgn*0.025} vd {sgn*0.05} {sgn*1.8} {sgn*1.75}"
        vd0, vg0 = 0, 0
    lib = ".include bsim3_018.lib" if variant is None else card(model, VARIANTS[variant])
    # The forward-bulk cases run at reltol 1e-9: at 1e-6 both solvers' convergence slack on the internal source
    # node (≈ 2e-8 V) already shows as ≈ 1e-6 of the junction current.
    opts = OPTS.replace("reltol=1e-6", "reltol=1e-9") if kind == "fwdb" else OPTS
    mname = model if variant is None else "mx"
    text = f"""* BSIM3 {name}: {kind} of {model} ({inst}) at vbs={vb}
{lib}
vd d 0 {vd0}
vg g 0 {vg0}
vb b 0 {vb}
m1 d g 0 b {mname} {inst}
{opts}
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
    cases.append(("n_short_vb1_idvg_mob2", "n018", GEOM["short"][0], -1, "idvg", 1, None, "mob2"))
    cases.append(("n_short_vb1_idvd_mob3", "n018", GEOM["short"][0], -1, "idvd", 1, None, "mob3"))
    cases.append(("n_long_vb0_idvd_ngate", "n018", GEOM["long"][0], 0, "idvd", 1, None, "ngate"))
    cases.append(("p_short_vb1_idvd_bin0", "p018", GEOM["short"][0], 1, "idvd", -1, None, "bin0"))
    cases.append(("n_short_vb1_idvd_k1calc", "n018", GEOM["short"][0], -1, "idvd", 1, None, "k1calc"))
    cases.append(("n_long_vb1_idvg_k1calc", "n018", GEOM["long"][0], -1, "idvg", 1, None, "k1calc"))
    # Forward-biased bulk (vb swept 0..1 V at vg = 0.8 V, vd = 0.05 and 1.05 V): junction exponential, its
    # linear continuation above ijth, Vbseff > 0; also at 85 °C (junction temperature scaling).
    big = "w=10u l=2u as=20p ad=20p ps=24u pd=24u nrs=0.05 nrd=0.05"
    cases.append(("n_long_fwdb", "n018", big, 0, "fwdb", 1))
    cases.append(("p_long_fwdb_t85", "p018", big, 0, "fwdb", -1, 85))
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
