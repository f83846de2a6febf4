#!/usr/bin/env python3
"""Regenerates the ngspice numbers of the BSIM3 small-signal capacitance tests (run from this folder with
ngspice-39 on the PATH: python3 make_ac_refs.py [case ...]; `python3 make_ac_refs.py fd_bulk` writes
fd_bulk.txt, see fd_bulk()). For each case an .ac point at 1 MHz with a 1 V ac source on
the gate is run at a grid of dc biases (vgs, vds, vbs); the table ac_<case>.txt holds, per row, the biases and
the real and imaginary parts of i(vg), i(vd), i(vb) (ngspice print with 15 digits)."""
import os, subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
LIB = open(os.path.join(HERE, "bsim3_018.lib")).read()
GEOM = {
    "short": "w=1u l=0.18u as=0.5p ad=0.5p ps=3u pd=3u nrs=0.5 nrd=0.5",
    "long": "w=10u l=2u as=5p ad=5p ps=12u pd=12u nrs=0.05 nrd=0.05",
}
VGS = [-1.0, 0.0, 0.3, 0.6, 1.2, 1.8]
VDS = [0.0, 0.05, 1.8]
VBS = [0.0, -1.0]
# case -> (model, geometry, overrides of the card)
CASES = {
    "n_short_c3": ("n018", "short", {}),
    "n_long_c3": ("n018", "long", {}),
    "p_short_c3": ("p018", "short", {}),
    "n_long_c2": ("n018", "long", {"capmod": "2"}),
    "n_short_c3_x1": ("n018", "short", {"xpart": "1"}),
    "n_long_c3_x05": ("n018", "long", {"xpart": "0.5"}),
    "n_long_c0": ("n018", "long", {"capmod": "0", "vfbcv": "-0.9"}),
    "n_short_c0_x1": ("n018", "short", {"capmod": "0", "xpart": "1"}),
    "p_short_c0_x05": ("p018", "short", {"capmod": "0", "xpart": "0.5"}),
    "n_long_c1": ("n018", "long", {"capmod": "1"}),
    "n_short_c1_x1": ("n018", "short", {"capmod": "1", "xpart": "1"}),
    "p_short_c1": ("p018", "short", {"capmod": "1"}),
    # 85 °C (the name's _t85) with junction-capacitance temperature coefficients.
    "n_short_c3_t85": ("n018", "short", {"tcj": "1e-3", "tpb": "1.5e-3", "tcjsw": "8e-4", "tpbsw": "1e-3",
                                         "tcjswg": "6e-4", "tpbswg": "2e-3"}),
    # Bulk-excited (the name's _bx): the 1 V ac source sits on vb instead of vg (junction capacitances).
    "n_short_c2_t85_bx": ("n018", "short", {"capmod": "2", "tcj": "1e-3", "tpb": "1.5e-3", "tcjsw": "8e-4",
                                            "tpbsw": "1e-3", "tcjswg": "6e-4", "tpbswg": "2e-3"}),
    "p_long_c2_bx": ("p018", "long", {"capmod": "2"}),
}


def card(model, overrides):
    """The card of `model` from bsim3_018.lib renamed to `mx`, with overrides appended."""
    lines, out, take = LIB.splitlines(), [], False
    for ln in lines:
        if ln.startswith(".model"):
            take = ln.split()[1] == model
            if take:
                ln = ln.replace(model, "mx", 1)
        if take and (ln.startswith(".model") or ln.startswith("+")):
            out.append(ln)
    if overrides:
        out.append("+ " + " ".join(f"{k}={v}" for k, v in overrides.items()))
    return "\n".join(out)


def main():
    import sys
    only = sys.argv[1:] or None
    for name, (model, geom, over) in CASES.items():
        if only and name not in only:
            continue
        sgn = -1 if model.startswith("p") else 1
        rows = []
        for vb in VBS:
            for vd in VDS:
                for vg in VGS:
                    cir = f"""* BSIM3 gate capacitance {name}
{card(model, over)}
vd d 0 dc {sgn*vd}
vg g 0 dc {sgn*vg} {"" if name.endswith("_bx") else "ac 1"}
vb b 0 dc {sgn*vb} {"ac 1" if name.endswith("_bx") else ""}
m1 d g 0 b mx {GEOM[geom]}
.options reltol=1e-6 abstol=1e-15 vntol=1e-9 gmin=1e-12
{".temp 85" if "_t85" in name else ""}
.control
option numdgt=15
ac lin 1 1e6 1e6
print real(i(vg)) imag(i(vg)) real(i(vd)) imag(i(vd)) real(i(vb)) imag(i(vb))
.endc
.end
"""
                    path = os.path.join(HERE, "_tmp_ac.cir")
                    open(path, "w").write(cir)
                    out = subprocess.run(["ngspice", "-b", path], cwd=HERE, capture_output=True, text=True).stdout
                    got = {}
                    for ln in out.splitlines():
                        f = ln.split(" = ")
                        if len(f) == 2 and f[0].strip().startswith(("real(", "imag(")):
                            got[f[0].strip()] = f[1].strip()
                    keys = [f"{p}(i({s}))" for s in ("vg", "vd", "vb") for p in ("real", "imag")]
                    vals = [got[k] for k in keys] if all(k in got for k in keys) else None
                    if vals is None:
                        raise SystemExit("no ac output for " + name + "\n" + out)
                    rows.append(f"{sgn*vg} {sgn*vd} {sgn*vb} " + " ".join(vals))
        os.remove(os.path.join(HERE, "_tmp_ac.cir"))
        with open(os.path.join(HERE, f"ac_{name}.txt"), "w") as fh:
            fh.write("vgs vds vbs re_ig im_ig re_id im_id re_ib im_ib\n" + "\n".join(rows) + "\n")
        print("wrote", name)


def fd_bulk():
    """fd_bulk.txt: ngspice's terminal charges @m1[qg], @m1[qb], @m1[qd] of an n018 W/L = 1/0.18 µm device
    without series resistance at vgs = 0.6 V, vds = 0.05 V, 85 °C, for vbs = −1e-4, 0, +1e-4 V (reltol 1e-9):
    their central differences are ∂Q/∂Vb of ngspice's own capmod-3 charges (its ac analysis reports 2-3 %
    different bulk derivatives there)."""
    rows = []
    for vb in ("-1e-4", "0", "1e-4"):
        cir = f"""* BSIM3 charges for a central difference over vbs
.include bsim3_018.lib
vd d 0 0.05
vg g 0 0.6
vb b 0 {vb}
m1 d g 0 b n018 w=1u l=0.18u nrs=0 nrd=0
.options reltol=1e-9 abstol=1e-18 vntol=1e-12
.temp 85
.control
option numdgt=15
op
print @m1[qg] @m1[qb] @m1[qd]
.endc
.end
"""
        path = os.path.join(HERE, "_tmp_fd.cir")
        open(path, "w").write(cir)
        out = subprocess.run(["ngspice", "-b", path], cwd=HERE, capture_output=True, text=True).stdout
        got = {ln.split(" = ")[0].strip(): ln.split(" = ")[1].strip() for ln in out.splitlines() if " = " in ln and "@m1" in ln}
        rows.append(f"{vb} {got['@m1[qg]']} {got['@m1[qb]']} {got['@m1[qd]']}")
    os.remove(os.path.join(HERE, "_tmp_fd.cir"))
    with open(os.path.join(HERE, "fd_bulk.txt"), "w") as fh:
        fh.write("vbs qg qb qd\n" + "\n".join(rows) + "\n")
    print("wrote fd_bulk")


if __name__ == "__main__":
    import sys
    if sys.argv[1:] == ["fd_bulk"]:
        fd_bulk()
    else:
        main()
