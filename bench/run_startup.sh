#!/usr/bin/env bash
# Start-up time: `perovspice --version` (Native AOT binary) against `ngspice --version`, medians and minima of
# interleaved runs. Usage, from the repository root: bash bench/run_startup.sh [runs=30]
# Uses bench/.build/aot/perovspice (published by bench/run_rc_ladder.sh or bench/run_crossbar.sh, or:
# dotnet publish src/Cli -c Release -r linux-x64 -p:PublishAot=true -o bench/.build/aot).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
aot=bench/.build/aot/perovspice
[ -x "$aot" ] || dotnet publish src/Cli -c Release -r linux-x64 -p:PublishAot=true -o bench/.build/aot >/dev/null
out=bench/results/startup.md
python3 - "$runs" "$aot" "$out" <<'PY'
import statistics, subprocess, sys, time, os, datetime
runs, aot, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
cmds = {"ngspice": ["ngspice", "--version"], "perovspice (AOT)": [aot, "--version"]}
times = {k: [] for k in cmds}
load = open("/proc/loadavg").read().split()[:3]
for _ in range(runs):
    for k, c in cmds.items():
        t = time.perf_counter(); subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); times[k].append(time.perf_counter() - t)
med = {k: statistics.median(v) for k, v in times.items()}
mn = {k: min(v) for k, v in times.items()}
lines = ["# Start-up: `--version`", "",
         f"Machine: {os.cpu_count()} cores; load average at the start {' '.join(load)}. {runs} interleaved runs of each command,",
         f"wall time of the whole process. Reproduce: `bash bench/run_startup.sh {runs}` ({datetime.date.today()}).", "",
         "| command | median (ms) | min (ms) |", "|---|---:|---:|"]
for k in cmds: lines.append(f"| `{' '.join(cmds[k]).replace(aot, 'perovspice')}` | {1e3 * med[k]:.1f} | {1e3 * mn[k]:.1f} |")
r = med["perovspice (AOT)"] / med["ngspice"]
lines += ["", f"perovspice / ngspice: {r:.2f}× (median), {mn['perovspice (AOT)'] / mn['ngspice']:.2f}× (min). Issue 9's goal: ≤ 2×.",
          "The JIT build (`dotnet build`) starts the .NET runtime first (~0.1 s); the README's `dotnet publish ... -p:PublishAot=true`",
          "gives the native binary measured here."]
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
