#!/usr/bin/env bash
# RC-ladder transient benchmark against ngspice (issue: engine). Usage, from the repository root:
#   bash bench/run_rc_ladder.sh [runs=5] [sizes="10 100 1000 10000"]
# Publishes perovspice with Native AOT (bench/.build/aot, ignored by git), generates each ladder with
# bench/gen_rc_ladder.py (R = 1 kOhm, C = 1 nF, PULSE source, 1 ms transient), runs perovspice (AOT and the
# ordinary JIT build) and ngspice on the same file, interleaved, and writes the medians of wall time and their
# ratio to bench/results/rc_ladder.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
sizes=${2:-"10 100 1000 10000"}
build=bench/.build
mkdir -p "$build/nets" bench/results
command -v ngspice >/dev/null || { echo "ngspice not found (apt-get install ngspice)" >&2; exit 1; }
dotnet publish src/Cli -c Release -r linux-x64 -p:PublishAot=true -o "$build/aot" >/dev/null
dotnet build src/Cli -c Release >/dev/null
aot="$build/aot/perovspice"
jit="src/Cli/bin/Release/net10.0/perovspice"

wall() { # prints the wall time of a command in seconds
  local s e
  s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N)
  python3 -c "print(f'{$e - $s:.4f}')"
}
median() { python3 -c "import sys,statistics; print(f'{statistics.median(map(float, sys.argv[1:])):.4f}')" "$@"; }

out=bench/results/rc_ladder.md
{
  echo "# RC ladder, 1 ms transient: perovspice vs ngspice"
  echo
  echo "Machine: $(nproc) cores, $(uname -m); $(ngspice --version 2>/dev/null | grep -m1 -o 'ngspice-[0-9.]*'); $(dotnet --version) SDK."
  echo "Medians of $runs interleaved runs, wall time of the whole command (parse, setup, simulate, write)."
  echo "Reproduce: \`bash bench/run_rc_ladder.sh $runs \"$sizes\"\` ($(date -u +%Y-%m-%d))."
  echo
  echo "| sections | unknowns | ngspice (s) | perovspice AOT (s) | ratio AOT/ngspice | perovspice JIT (s) | ratio JIT/ngspice |"
  echo "|---:|---:|---:|---:|---:|---:|---:|"
} > "$out"
for n in $sizes; do
  net="$build/nets/ladder_$n.cir"
  python3 bench/gen_rc_ladder.py "$n" > "$net"
  ng=(); a=(); j=()
  for ((k = 0; k < runs; k++)); do
    ng+=("$(cd "$build/nets" && wall ngspice -b "ladder_$n.cir")")
    a+=("$(wall "$aot" run "$net" -o "$build/out_aot_$n" --quiet)")
    j+=("$(wall "$jit" run "$net" -o "$build/out_jit_$n" --quiet)")
  done
  mng=$(median "${ng[@]}"); ma=$(median "${a[@]}"); mj=$(median "${j[@]}")
  ra=$(python3 -c "print(f'{$ma / $mng:.2f}')"); rj=$(python3 -c "print(f'{$mj / $mng:.2f}')")
  echo "| $n | $((n + 2)) | $mng | $ma | $ra | $mj | $rj |" >> "$out"
  echo "$n: ngspice $mng s, AOT $ma s ($ra x), JIT $mj s ($rj x)"
done
cat "$out"
