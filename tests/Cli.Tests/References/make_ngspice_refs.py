#!/usr/bin/env python3
"""Regenerates the ngspice reference numbers the end-to-end tests compare against.

Run from the repository root:  python3 tests/Cli.Tests/References/make_ngspice_refs.py
Needs ngspice (tested with ngspice-39, Debian package `ngspice`). For each example listed below it copies
the netlist, replaces its .print lines by an equivalent ngspice .control block (wrdata, 15 digits), runs
`ngspice -b` and stores one whitespace-separated table per analysis under
tests/Cli.Tests/References/<example>/<kind>.txt (header = vector names; ngspice writes vp in radians).
The tests never run ngspice: they read these files."""
import os, re, subprocess, sys, tempfile

EXAMPLES = ["rc_lowpass", "rlc_ringing", "divider_sweep", "ladder_hierarchy", "controlled_sources", "half_wave_rectifier",
            "coupled_transformer", "tline_reflections", "rossler_attractor", "behavioural_memristor",
            "bjt_ce_amplifier", "bjt_diff_pair"]
ROOT = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(ROOT, "..", "..", ".."))


def logical_lines(text):
    out = []
    for raw in text.splitlines():
        if raw.startswith("+") and out:
            out[-1] += " " + raw[1:]
        else:
            out.append(raw)
    return out


def main():
    for name in EXAMPLES:
        src = os.path.join(REPO, "examples", name + ".cir")
        if not os.path.exists(src):
            print("skip (missing)", src)
            continue
        lines = logical_lines(open(src).read())
        body, analyses, prints = [lines[0]], [], {}
        for ln in lines[1:]:
            low = ln.strip().lower()
            if low.startswith(".print"):
                parts = low.split()
                prints.setdefault(parts[1], []).extend(parts[2:])
            elif low.split()[0] in (".op", ".tran", ".dc", ".ac"):  # not .options
                analyses.append(low[1:])
            elif low.startswith(".end") and not low.startswith(".ends"):
                continue
            else:
                body.append(ln)
        outdir = os.path.join(ROOT, name)
        os.makedirs(outdir, exist_ok=True)
        ctl = [".control", "set wr_singlescale", "set wr_vecnames", "option numdgt=15"]
        for a in analyses:
            kind = a.split()[0]
            items = prints.get(kind)
            if not items:
                continue
            ctl.append(a)
            ctl.append("wrdata %s %s" % (os.path.join(outdir, kind + ".txt"), " ".join(items)))
        ctl += [".endc", ".end"]
        with tempfile.NamedTemporaryFile("w", suffix=".cir", delete=False) as f:
            f.write("\n".join(body + ctl) + "\n")
            path = f.name
        r = subprocess.run(["ngspice", "-b", path], capture_output=True, text=True)
        # ngspice -b exits 1 when the netlist has no .print/.plot (the .control block did the work).
        missing = [k for k in prints if not os.path.exists(os.path.join(outdir, k + ".txt"))]
        print(name, "ngspice exit", r.returncode, "missing:", missing)
        if missing:
            print(r.stdout[-2000:], r.stderr[-2000:])
            sys.exit(1)


if __name__ == "__main__":
    main()
