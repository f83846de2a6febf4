#!/usr/bin/env bash
# RC-ladder transient benchmark against ngspice (issue: engine). Usage, from the repository root:
#   bash bench/run_rc_ladder.sh [runs=5] [sizes="100 1000"] [tran="1n 100u"]
# Publishes perovspice with Native AOT (bench/.build/aot, ignored by git), generates each ladder with
# bench/gen_rc_ladder.py (R = 1 kOhm, C = 1 nF, PULSE source) with the given .tran (default 1n 100u: 100k time
# points at tmax = 1 ns), runs perovspice (AOT and the ordinary JIT build) and ngspice on the same file,
# interleaved, and writes the medians of wall time and of CPU time (user + system: less sensitive to the load of a
# shared machine, which is recorded), their ratios and perovspice's microseconds of CPU per time point to
# bench/results/rc_ladder.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
sizes=${2:-"100 1000"}
tran=${3:-"1n 100u"}
build=bench/.build
mkdir -p "$build/nets" bench/results
command -v ngspice >/dev/null || { echo "ngspice not found (apt-get install ngspice)" >&2; exit 1; }
dotnet publish src/Cli -c Release -r linux-x64 -p:PublishAot=true -o "$build/aot" >/dev/null
dotnet build src/Cli -c Release >/dev/null
aot="$build/aot/perovspice"
jit="src/Cli/bin/Release/net10.0/perovspice"

wall() { # prints "wall cpu" of a command in seconds (cpu = user + system of the command and its children)
  python3 - "$@" <<'PY'
import os, subprocess, sys, time
t0 = time.perf_counter(); c0 = os.times()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
t1 = time.perf_counter(); c1 = os.times()
print(f"{t1 - t0:.4f} {c1.children_user - c0.children_user + c1.children_system - c0.children_system:.4f}")
PY
}
median() { python3 -c "import sys,statistics; print(f'{statistics.median(map(float, sys.argv[1:])):.4f}')" "$@"; }

out=bench/results/rc_ladder.md
# a hand-written "## Notes" section at the end of the results file is kept (appended after the new table)
notes=$(sed -n '/^## Notes/,$p' "$out" 2>/dev/null || true)
{
  echo "# RC ladder, .tran $tran: perovspice vs ngspice"
  echo
  echo "Machine: $(nproc) cores, $(uname -m); $(ngspice --version 2>/dev/null | grep -m1 -o 'ngspice-[0-9.]*'); $(dotnet --version) SDK."
  echo "Medians of $runs interleaved runs of the whole command (parse, setup, simulate, write): wall time and CPU"
  echo "time (user + system). Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg) (shared machine: CPU ratios are the steadier ones)."
  echo "Reproduce: \`bash bench/run_rc_ladder.sh $runs \"$sizes\" \"$tran\"\` ($(date -u +%Y-%m-%d))."
  echo
  echo "| sections | unknowns | time points | ngspice wall (s) | AOT wall (s) | AOT/ngspice wall | ngspice CPU (s) | AOT CPU (s) | AOT/ngspice CPU | AOT µs CPU per point | JIT wall (s) | JIT/ngspice wall |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$out"
for n in $sizes; do
  net="$build/nets/ladder_$n.cir"
  python3 bench/gen_rc_ladder.py "$n" | sed "s/^\.tran .*/.tran $tran/" > "$net"
  ng=(); ngc=(); a=(); ac=(); j=()
  for ((k = 0; k < runs; k++)); do
    read -r w c <<< "$(cd "$build/nets" && wall ngspice -b "ladder_$n.cir")"; ng+=("$w"); ngc+=("$c")
    read -r w c <<< "$(wall "$aot" run "$net" -o "$build/out_aot_$n" --quiet)"; a+=("$w"); ac+=("$c")
    read -r w c <<< "$(wall "$jit" run "$net" -o "$build/out_jit_$n" --quiet)"; j+=("$w")
  done
  points=$(($(wc -l < "$build/out_aot_$n/tran.csv") - 1))
  mng=$(median "${ng[@]}"); ma=$(median "${a[@]}"); mj=$(median "${j[@]}"); mngc=$(median "${ngc[@]}"); mac=$(median "${ac[@]}")
  ra=$(python3 -c "print(f'{$ma / $mng:.2f}')"); rj=$(python3 -c "print(f'{$mj / $mng:.2f}')")
  rc=$(python3 -c "print(f'{$mac / $mngc:.2f}')"); us=$(python3 -c "print(f'{1e6 * $mac / $points:.1f}')")
  echo "| $n | $((n + 2)) | $points | $mng | $ma | $ra | $mngc | $mac | $rc | $us | $mj | $rj |" >> "$out"
  echo "$n: ngspice $mng s, AOT $ma s ($ra x wall, $rc x CPU, $us us/point), JIT $mj s ($rj x)"
done
if [ -n "$notes" ]; then { echo; echo "$notes"; } >> "$out"; fi
cat "$out"
