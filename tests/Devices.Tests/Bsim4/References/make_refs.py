#!/usr/bin/env python3
"""Regenerates the ngspice reference numbers of the BSIM4 dc tests (the tests never run ngspice).

Run from this folder:  python3 make_refs.py [case ...]   (all cases, or the named ones; needs ngspice-39 on the PATH)
For each case below it writes <case>.lib (the PTM 45 nm HP card ptm45hp.lib with the case's parameter changes),
<case>.cir, runs `ngspice -b <case>.cir` and keeps the wrdata table as <case>.txt (15 significant digits, header =
vector names: sweep, i(vd), i(vg), i(vb)), and <case>.case, the description the C# test reads (model, card
changes, instance parameters, temperature, sweeps, bulk voltage)."""
import os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OPTS = ".options reltol=1e-9 abstol=1e-18 vntol=1e-12 gmin=1e-12"
GEOM = "w=450n l=45n"

# name -> (model, card changes, instance params, temp °C, sweep1, sweep2, vb); sweeps (source, start, stop, step)
N_IDVG = (("vg", -0.3, 1.0, 0.02), ("vd", 0.05, 1.0, 0.95))
N_IDVD = (("vd", 0.0, 1.0, 0.02), ("vg", 0.2, 1.0, 0.2))
P_IDVG = (("vg", 0.3, -1.0, -0.02), ("vd", -0.05, -1.0, -0.95))
P_IDVD = (("vd", 0.0, -1.0, -0.02), ("vg", -0.2, -1.0, -0.2))
N_FWDB = (("vb", -0.6, 0.8, 0.02), ("vd", 0.05, 1.0, 0.95))
P_FWDB = (("vb", 0.6, -0.8, -0.02), ("vd", -0.05, -1.0, -0.95))
LOD = {"ku0": "-4e-8", "kvth0": "2e-9", "stk2": "1e-9", "steta0": "1e-9", "kvsat": "0.2", "lku0": "1e-7", "wkvth0": "5e-8"}
WPE = {"wpemod": "1", "kvth0we": "2e-3", "k2we": "1e-3", "ku0we": "-2e-3", "web": "6", "wec": "-2"}
BIN = {"lvth0": "2e-3", "wu0": "5e-3", "pketa": "1e-4", "lvsat": "-2000", "wnfactor": "0.05", "lk2": "1e-3",
       "lpclm": "1e-3", "wagidl": "1e-5"}
BIN2 = {"binunit": "2", "lvth0": "2e-9", "wu0": "5e-9", "pketa": "1e-16", "lvsat": "-2e-3", "wnfactor": "5e-8"}
CASES = {
    "n_idvg": ("n45", {}, GEOM, 27, *N_IDVG, 0),
    "n_idvd": ("n45", {}, GEOM, 27, *N_IDVD, 0),
    "n_idvg_vb": ("n45", {}, GEOM, 27, *N_IDVG, -0.5),
    "n_idvd_vb": ("n45", {}, GEOM, 27, *N_IDVD, -0.5),
    "p_idvg": ("p45", {}, GEOM, 27, *P_IDVG, 0),
    "p_idvd": ("p45", {}, GEOM, 27, *P_IDVD, 0),
    "p_idvg_vb": ("p45", {}, GEOM, 27, *P_IDVG, 0.5),
    "p_idvd_vb": ("p45", {}, GEOM, 27, *P_IDVD, 0.5),
    "n_idvg_t75": ("n45", {}, GEOM, 75, *N_IDVG, 0),
    "p_idvd_t75": ("p45", {}, GEOM, 75, *P_IDVD, 0),
    "n_idvd_tempmod1_t75": ("n45", {"tempmod": "1", "ua1": "1e-3", "ub1": "1e-3", "at": "1e-3", "prt": "1e-3"}, GEOM, 75, *N_IDVD, 0),
    # mobmod 3 (high-k universal + Coulomb with ucs, VgsteffVth), versions 4.8 and 4.6.5, 60 C (ucste)
    "n_idvg_mob3_v48": ("n45", {"version": "4.8", "mobmod": "3", "ua": "0.3", "uc": "0.05", "ud": "0.08", "ucs": "1.4", "eu": "1.5", "ucste": "-0.003"}, GEOM, 60, *N_IDVG, -0.2),
    "p_idvd_mob3_v465": ("p45", {"version": "4.6.5", "mobmod": "3", "ua": "0.3", "uc": "0.05", "ud": "0.08", "ucs": "1.4", "eu": "1.5"}, GEOM, 27, *P_IDVD, 0),
    # tempmod 2: Vtm0 in the pocket DITS shift and the gate tunneling currents, -kt1 in vfbzb (BSIM4.5 and 4.8)
    "n_idvg_tempmod2_t75": ("n45", {"tempmod": "2", "ua1": "1e-3", "ub1": "-1e-3", "uc1": "1e-3", "at": "1e-3", "prt": "1e-3", "dvtp0": "2e-8"}, GEOM, 75, *N_IDVG, -0.2),
    "n_idvd_tempmod3_t75_v47": ("n45", {"version": "4.7", "tempmod": "3", "ua1": "0.5", "ub1": "-0.8", "uc1": "0.3", "at": "1e-3", "prt": "1e-3", "dvtp0": "2e-8"}, GEOM, 75, *N_IDVD, -0.2),
    "p_idvd_tempmod2_t75_v48": ("p45", {"version": "4.8", "tempmod": "2", "ua1": "1e-3", "ub1": "-1e-3", "at": "1e-3", "prt": "1e-3"}, GEOM, 75, *P_IDVD, 0),
    "n_idvg_mob1": ("n45", {"mobmod": "1", "uc": "-0.05"}, GEOM, 27, *N_IDVG, -0.3),
    "n_idvg_mob2": ("n45", {"mobmod": "2", "eu": "1.5", "ua": "1e-15", "uc": "1e-10"}, GEOM, 27, *N_IDVG, -0.3),
    "p_idvd_mob2": ("p45", {"mobmod": "2", "ua": "1e-15", "uc": "1e-10"}, GEOM, 27, *P_IDVD, 0.3),
    "n_idvd_nf4": ("n45", {}, "w=1.8u l=45n nf=4 nrs=1 nrd=1", 27, *N_IDVD, 0),
    "p_idvg_nf3": ("p45", {"geomod": "0", "dmcg": "40n", "dmci": "50n"}, "w=1.35u l=45n nf=3", 27, *P_IDVG, 0),
    "n_idvd_rgeo": ("n45", {"dmcg": "40n", "dmci": "50n"}, "w=1.8u l=45n nf=4 rgeomod=1", 27, *N_IDVD, 0),
    "n_idvg_bin": ("n45", BIN, "w=900n l=90n", 27, *N_IDVG, 0),
    "n_idvd_bin2": ("n45", BIN2, "w=900n l=90n", 27, *N_IDVD, 0),
    "n_idvd_lod": ("n45", LOD, "w=450n l=45n sa=0.3u sb=0.4u", 27, *N_IDVD, 0),
    "p_idvg_lod_nf2": ("p45", LOD, "w=900n l=45n nf=2 sa=0.3u sb=0.4u sd=0.2u", 27, *P_IDVG, 0),
    "n_idvg_wpe": ("n45", WPE, "w=450n l=45n sca=3 scb=0.02 scc=0.002", 27, *N_IDVG, 0),
    "n_idvg_wpe_sc": ("n45", WPE, "w=450n l=45n sc=0.5u", 27, *N_IDVG, 0),
    "n_idvg_delvto": ("n45", {}, "w=450n l=45n delvto=0.05 mulu0=1.1", 27, *N_IDVG, 0),
    "n_idvg_plain": ("n45", {"rgatemod": "0", "rbodymod": "0", "igcmod": "0", "igbmod": "0"}, GEOM, 27, *N_IDVG, 0),
    "n_idvd_igc2_gidl1_v47": ("n45", {"version": "4.7", "igcmod": "2", "gidlmod": "1", "rgidl": "0.8", "kgidl": "0.1", "fgidl": "0.05", "agidl": "1e-3", "agisl": "5e-4", "pigcd": None}, GEOM, 27, *N_IDVD, -0.3),
    # BSIM4.8: gidlmod 1 with fgidl defaulted (1 V from BSIM4.8.0 on, 0 before)
    "n_idvd_gidl1_v48": ("n45", {"version": "4.8", "gidlmod": "1", "rgidl": "0.8", "kgidl": "0.1", "agidl": "1e-3", "agisl": "5e-4"}, GEOM, 27, *N_IDVD, -0.3),
    "n_idvg_igc2_v45": ("n45", {"igcmod": "2", "agidl": "1e-3", "pigcd": None}, GEOM, 27, *N_IDVG, -0.3),
    "n_idvg_v48": ("n45", {"version": "4.8"}, GEOM, 27, *N_IDVG, 0),
    "n_idvd_v48_vb": ("n45", {"version": "4.8", "pigcd": None, "aigs": "0.021", "aigd": "0.019", "dlcigd": "2e-9", "ados": "1.1", "bdos": "0.9", "dvtp2": "1e-11", "dvtp3": "0.5", "dvtp4": "0.3", "dvtp5": "1e-3", "tnfactor": "0.5", "teta0": "1e-4"}, GEOM, 75, *N_IDVD, -0.3),
    "p_idvg_v48": ("p45", {"version": "4.8"}, GEOM, 27, *P_IDVG, 0),
    "p_idvd_v465": ("p45", {"version": "4.6.5", "pigcd": None}, GEOM, 27, *P_IDVD, 0.3),
    "n_idvg_mob2_v48": ("n45", {"version": "4.8", "mobmod": "2", "eu": "1.5", "ua": "1e-15", "uc": "1e-10", "ud": "1e14"}, GEOM, 27, *N_IDVG, -0.3),
    "n_idvg_mob1_v47": ("n45", {"version": "4.7", "mobmod": "1", "uc": "-0.05", "ud": "2e14"}, GEOM, 27, *N_IDVG, -0.3),
    "n_fwdb_v48": ("n45", {"version": "4.8", "diomod": "2", "jtss": "1e-4", "jtsd": "2e-4", "njtsd": "15", "vtsd": "6", "xtsd": "0.03"}, "w=450n l=45n", 75, *N_FWDB, 0),
    "n_idvd_rdsmod": ("n45", {"rdsmod": "1", "prwg": "0.1", "prwb": "0.05", "rswmin": "10", "rdwmin": "12", "prt": "5"}, "w=450n l=45n nrs=1 nrd=1.5", 75, *N_IDVD, -0.3),
    "p_idvg_rdsmod": ("p45", {"rdsmod": "1", "prwg": "0.2", "rsw": "60", "rdw": "90"}, "w=450n l=45n", 27, *P_IDVG, 0.3),
    "n_idvd_rgate2": ("n45", {"rgatemod": "2", "rshg": "2000"}, GEOM, 27, *N_IDVD, 0),
    "p_idvg_rgate3": ("p45", {"rgatemod": "3", "rshg": "2000", "xrcrg1": "5", "xrcrg2": "2"}, GEOM, 27, *P_IDVG, 0),
    "n_fwdb": ("n45", {}, "w=450n l=45n as=50f ad=50f ps=1u pd=1u", 27, *N_FWDB, 0),
    "n_fwdb_dio2": ("n45", {"diomod": "2", "jtss": "1e-4", "jtssws": "1e-9", "jtsswgs": "1e-9", "njts": "10", "vtss": "5"}, "w=450n l=45n as=50f ad=50f ps=1u pd=1u", 27, *N_FWDB, 0),
    "p_fwdb_dio0": ("p45", {"diomod": "0", "bvs": "1.2", "bvd": "1.2"}, "w=450n l=45n as=50f ad=50f ps=1u pd=1u", 75, *P_FWDB, 0),
}


def card(changes, model):
    text = open(os.path.join(HERE, "ptm45hp.lib")).read()
    for k, v in changes.items():
        pat = re.compile(r"(\+|\s)%s\s*=\s*\S+" % k)
        if v is None:
            text = pat.sub(r"\1", text)
        elif pat.search(text):
            text = pat.sub(r"\g<1>%s = %s" % (k, v), text)
        else:
            text = re.sub(r"(\.model (n45|p45) \w+ level=54)", r"\1\n+%s = %s" % (k, v), text)
    return text


def main(names):
    for name, (model, changes, inst, temp, s1, s2, vb) in CASES.items():
        if names and name not in names:
            continue
        with open(os.path.join(HERE, name + ".lib"), "w") as f:
            f.write("* %s: ptm45hp.lib with %s\n" % (name, changes or "no changes") + card(changes, model))
        srcs = {"vd": 0, "vg": 0, "vb": vb}
        lines = ["* BSIM4 %s: %s (%s) at %g C, card changes %s" % (name, model, inst, temp, changes or "none"),
                 ".include %s.lib" % name, "vd d 0 0", "vg g 0 0", "vb b 0 %g" % vb,
                 "m1 d g 0 b %s %s" % (model, inst), OPTS, ".temp %g" % temp, "", ".control",
                 "set wr_singlescale", "set wr_vecnames", "option numdgt=15",
                 "dc %s %g %g %g %s %g %g %g" % (*s1, *s2),
                 "wrdata %s.txt i(vd) i(vg) i(vb)" % name, ".endc", ".end", ""]
        with open(os.path.join(HERE, name + ".cir"), "w") as f:
            f.write("\n".join(lines))
        if os.path.exists(os.path.join(HERE, name + ".txt")):
            os.remove(os.path.join(HERE, name + ".txt"))
        r = subprocess.run(["ngspice", "-b", name + ".cir"], cwd=HERE, capture_output=True, text=True)
        if not os.path.exists(os.path.join(HERE, name + ".txt")):
            raise SystemExit("%s: ngspice failed\n%s" % (name, r.stdout + r.stderr))
        with open(os.path.join(HERE, name + ".case"), "w") as f:
            f.write("model %s\n" % model)
            f.write("changes %s\n" % " ".join("%s=%s" % (k, "-" if v is None else v) for k, v in changes.items()))
            f.write("inst %s\ntemp %g\nvb %g\n" % (inst, temp, vb))
            f.write("sweep1 %s %g %g %g\nsweep2 %s %g %g %g\n" % (*s1, *s2))
        print(name)


if __name__ == "__main__":
    main(sys.argv[1:])
