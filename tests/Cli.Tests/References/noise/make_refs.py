#!/usr/bin/env python3
"""Writes the ngspice 39 references of the .noise tests: for every X.cir here (ours), X.ngspice.cir (the same netlist
with a .control block) and, by running `ngspice -b X.ngspice.cir` in this folder, X.ngspice.txt (frequency,
onoise_spectrum, inoise_spectrum) and X.total.ngspice.txt (onoise_total, inoise_total).
Run from anywhere:  python3 tests/Cli.Tests/References/noise/make_refs.py   (needs ngspice 39 on the PATH)."""
import glob, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CONTROL = """.control
set wr_singlescale
set wr_vecnames
option numdgt=15
run
setplot noise1
wrdata {name}.ngspice.txt onoise_spectrum inoise_spectrum
setplot noise2
wrdata {name}.total.ngspice.txt onoise_total inoise_total
.endc
"""


def main(names):
    for path in sorted(glob.glob(os.path.join(HERE, "*.cir"))):
        name = os.path.basename(path)[:-4]
        if name.endswith(".ngspice") or (names and name not in names):
            continue
        lines = open(path).read().rstrip("\n").split("\n")
        if lines[-1].strip().lower() == ".end":
            lines.pop()
        # our .print noise lines are not needed by the wrdata block
        lines = [ln for ln in lines if not ln.lower().startswith(".print")]
        text = "\n".join(lines) + "\n" + CONTROL.format(name=name) + ".end\n"
        open(os.path.join(HERE, name + ".ngspice.cir"), "w").write(text)
        outputs = [os.path.join(HERE, name + suffix) for suffix in (".ngspice.txt", ".total.ngspice.txt")]
        for o in outputs:
            if os.path.exists(o):
                os.remove(o)
        # ngspice 39 exits with 1 after a .control block's run even when it succeeds: the files tell
        r = subprocess.run(["ngspice", "-b", name + ".ngspice.cir"], cwd=HERE, capture_output=True, text=True)
        if not all(os.path.exists(o) for o in outputs):
            print(r.stdout, r.stderr, file=sys.stderr)
            sys.exit(f"ngspice failed on {name}")
        print("wrote", name)


if __name__ == "__main__":
    main(sys.argv[1:])
