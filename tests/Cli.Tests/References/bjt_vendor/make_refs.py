#!/usr/bin/env python3
"""ngspice 39 references for the netlists in this folder (run here: python3 make_refs.py).
Each NAME.cir's analyses and .print lines become a .control block (wrdata, 15 digits) writing NAME.KIND.txt;
the rest of the netlist is passed to ngspice unchanged. The tests never run ngspice."""
import glob, os, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
for src in sorted(glob.glob(os.path.join(HERE, "*.cir"))):
    name = os.path.splitext(os.path.basename(src))[0]
    body, analyses, prints = [], [], {}
    for ln in open(src).read().splitlines():
        low = ln.strip().lower()
        word = low.split()[0] if low else ""
        if word == ".print":
            prints.setdefault(low.split()[1], []).extend(low.split()[2:])
        elif word in (".op", ".tran", ".dc", ".ac"):
            analyses.append(low[1:])
        elif word != ".end":
            body.append(ln)
    ctl = [".control", "set wr_singlescale", "set wr_vecnames", "option numdgt=15"]
    for a in analyses:
        kind = a.split()[0]
        ctl += [a, "wrdata %s %s" % (os.path.join(HERE, "%s.%s.txt" % (name, kind)), " ".join(prints[kind]))]
    ctl += [".endc", ".end"]
    with tempfile.NamedTemporaryFile("w", suffix=".cir", delete=False) as f:
        f.write("\n".join(body + ctl) + "\n")
    subprocess.run(["ngspice", "-b", f.name], capture_output=True, text=True)
    os.unlink(f.name)
    print(name, [k for k in prints if os.path.exists(os.path.join(HERE, "%s.%s.txt" % (name, k)))])
