#!/usr/bin/env bash
# 1T1R crossbar transient benchmark against ngspice 39 (level-1 memristors written as behavioural sources in
# ngspice, bench/gen_1t1r.py; NMOS level 1 in both). Usage, from the repository root:
#   bash bench/run_1t1r.sh [runs=3] [sizes="8 16 32"]
# Publishes perovspice with Native AOT (bench/.build/aot), then for each N runs ngspice (`ngspice -b -r`, capped at
# `timeout 600`) and perovspice AOT interleaved, and writes medians of wall time, their ratio, time points and the
# agreement of the sense voltages to bench/results/crossbar_1t1r.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
sizes=${2:-"8 16 32"}
cap=600
build=bench/.build
nets="$build/1t1r"
mkdir -p "$nets" bench/results
command -v ngspice >/dev/null || { echo "ngspice not found (apt-get install ngspice)" >&2; exit 1; }
dotnet publish src/Cli -c Release -r linux-x64 -p:PublishAot=true -o "$build/aot" >/dev/null
aot="$build/aot/perovspice"
wall() {
  local s e rc=0
  s=$(date +%s.%N); "$@" >/dev/null 2>&1 || rc=$?; e=$(date +%s.%N)
  if [ "$rc" = 124 ]; then echo timeout; elif [ "$rc" != 0 ]; then echo "failed($rc)"; else python3 -c "print(f'{$e - $s:.4f}')"; fi
}
median() { python3 -c "
import sys, statistics
v = sys.argv[1:]
num = [float(x) for x in v if x[0].isdigit()]
print(f'{statistics.median(num):.3f}' if len(num) == len(v) else next(x for x in v if not x[0].isdigit()))" "$@"; }
rows=()
for n in $sizes; do
  pv="$nets/x_${n}_pv.cir"; ng="$nets/x_${n}_ng.cir"
  python3 bench/gen_1t1r.py "$n" --flavor perovspice > "$pv"
  python3 bench/gen_1t1r.py "$n" --flavor ngspice > "$ng"
  t_ng=(); t_a=()
  for ((k = 0; k < runs; k++)); do
    t_ng+=("$(wall timeout $cap ngspice -b -r "$nets/x_$n.raw" -o "$nets/x_${n}_ng.log" "$ng")")
    t_a+=("$(wall "$aot" run "$pv" -o "$nets/x_${n}_aot" --quiet)")
  done
  mng=$(median "${t_ng[@]}"); ma=$(median "${t_a[@]}")
  ratio=$(python3 -c "a, b = '$ma', '$mng'; print(f'{float(a) / float(b):.2f}' if a[0].isdigit() and b[0].isdigit() else '-')")
  pts_pv=$(( $(wc -l < "$nets/x_${n}_aot/tran.csv") - 1 ))
  pts_ng=$(grep -m1 "Accepted timepoints" "$nets/x_${n}_ng.log" | awk '{print $NF}' || echo -)
  agree=$(python3 -c "
import sys; sys.path.insert(0, 'bench'); import spicecmp as s
res, _, _ = s.compare(s.read_raw('$nets/x_$n.raw'), s.read_csv('$nets/x_${n}_aot/tran.csv'))
print(f\"{max(p for k, (d, rng, p) in res.items()):.2f}\")" 2>/dev/null || echo -)
  rows+=("| $n | $pts_ng | $pts_pv | $runs | $mng | $ma | $ratio | $agree |")
  echo "${rows[-1]}"
done
{
  echo "# 1T1R crossbar (NMOS level 1 + level-1 memristor per cell), programming and read transient"
  echo
  echo "Machine: $(nproc) cores; $(ngspice --version 2>/dev/null | grep -m1 -o 'ngspice-[0-9.]*'). Reproduce: \`bash bench/run_1t1r.sh $runs \"$sizes\"\` ($(date -u +%Y-%m-%d))."
  echo "Circuit: \`bench/gen_1t1r.py N\` (see its header). Wall time of the whole command, medians of interleaved runs;"
  echo "agreement = max |v_ngspice − v_perovspice| of the printed sense voltages on both time grids, % of range."
  echo
  echo "| N | ngspice points | perovspice points | runs | ngspice (s) | perovspice AOT (s) | AOT/ngspice | agreement (%) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} > bench/results/crossbar_1t1r.md
cat bench/results/crossbar_1t1r.md
