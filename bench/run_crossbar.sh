#!/usr/bin/env bash
# Memristor-crossbar transient benchmark against ngspice with behavioural sources. Usage, from the repository root:
#   bash bench/run_crossbar.sh [runs=5] [sizes="4 8 16 32 64"]
# Publishes perovspice with Native AOT (bench/.build/aot, ignored by git), first checks on one device that the
# ngspice behavioural form equals perovspice's level-1 N element (bench/check_level1_equiv.py), then for each N
# generates the N x N crossbar in both flavours (bench/gen_crossbar.py), runs ngspice (`ngspice -b -r`, capped at
# `timeout 600`), perovspice AOT and perovspice JIT, interleaved, and writes medians of wall time, their ratios,
# unknowns, time points and the agreement of the printed sense voltages to bench/results/crossbar.md.
# Runs per size: `runs` up to N = 16, min(runs, 3) at N = 32, 1 above. A "## Notes" section at the end of the
# results file (written by hand) is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
sizes=${2:-"4 8 16 32 64"}
cap=600
build=bench/.build
nets="$build/xbar"
mkdir -p "$nets" bench/results
command -v ngspice >/dev/null || { echo "ngspice not found (apt-get install ngspice)" >&2; exit 1; }
dotnet publish src/Cli -c Release -r linux-x64 -p:PublishAot=true -o "$build/aot" >/dev/null
dotnet build src/Cli -c Release >/dev/null
aot="$build/aot/perovspice"
jit="src/Cli/bin/Release/net10.0/perovspice"

equiv=$(python3 bench/check_level1_equiv.py "$aot" "$build/equiv")
echo "$equiv"

# wall time of a command in seconds, or "timeout" when it hit the cap
wall() {
  local s e rc=0
  s=$(date +%s.%N); "$@" >/dev/null 2>&1 || rc=$?; e=$(date +%s.%N)
  if [ "$rc" = 124 ]; then echo timeout; elif [ "$rc" != 0 ]; then echo "failed($rc)"; else python3 -c "print(f'{$e - $s:.4f}')"; fi
}
median() { python3 -c "
import sys, statistics
v = sys.argv[1:]
num = [float(x) for x in v if x[0].isdigit()]
print(f'{statistics.median(num):.4f}' if len(num) == len(v) else next(x for x in v if not x[0].isdigit()))" "$@"; }
ratio() { python3 -c "
a, b = '$1', '$2'
print(f'{float(a) / float(b):.2f}' if a[0].isdigit() and b[0].isdigit() else ('< ' + f'{float(a) / $cap:.3f}' if a[0].isdigit() else '-'))"; }

out=bench/results/crossbar.md
# a hand-written "## Notes" section (profiling findings) at the end of the results file is kept
notes=$(sed -n '/^## Notes/,$p' "$out" 2>/dev/null || true)
rows=()
for n in $sizes; do
  pv="$nets/xbar_${n}_pv.cir"; ng="$nets/xbar_${n}_ng.cir"
  python3 bench/gen_crossbar.py "$n" --flavor perovspice > "$pv"
  python3 bench/gen_crossbar.py "$n" --flavor ngspice > "$ng"
  r=$runs; [ "$n" -gt 16 ] && r=$(( runs < 3 ? runs : 3 )); [ "$n" -gt 32 ] && r=1
  t_ng=(); t_a=(); t_j=()
  for ((k = 0; k < r; k++)); do
    t_ng+=("$(wall timeout $cap ngspice -b -r "$nets/xbar_$n.raw" -o "$nets/xbar_${n}_ng.log" "$ng")")
    t_a+=("$(wall "$aot" run "$pv" -o "$nets/xbar_${n}_aot" --quiet)")
    t_j+=("$(wall "$jit" run "$pv" -o "$nets/xbar_${n}_jit" --quiet)")
  done
  mng=$(median "${t_ng[@]}"); ma=$(median "${t_a[@]}"); mj=$(median "${t_j[@]}")
  ra=$(ratio "$ma" "$mng"); rj=$(ratio "$mj" "$mng")
  unk=$(python3 -c "import sys; sys.path.insert(0, 'bench'); import gen_crossbar as g; print(g.unknowns($n))")
  pts_pv=$(( $(wc -l < "$nets/xbar_${n}_aot/tran.csv") - 1 ))
  if [ "${mng:0:1}" != t ] && [ "${mng:0:1}" != f ]; then
    eq=$(grep -m1 "Circuit Equations" "$nets/xbar_${n}_ng.log" | awk '{print $NF}')
    pts_ng=$(grep -m1 "Accepted timepoints" "$nets/xbar_${n}_ng.log" | awk '{print $NF}')
    agree=$(python3 -c "
import sys; sys.path.insert(0, 'bench'); import spicecmp as s
res, _, _ = s.compare(s.read_raw('$nets/xbar_$n.raw'), s.read_csv('$nets/xbar_${n}_aot/tran.csv'))
sense = max(p for k, (d, rng, p) in res.items() if k.startswith('v(s'))
row = max(p for k, (d, rng, p) in res.items() if k.startswith('v(r'))
print(f'{sense:.2f} | {row:.2f}')")
  else
    eq="-"; pts_ng="-"; agree="- | -"
  fi
  # accuracy against a converged ngspice run (reltol = 1e-6) where that is cheap
  if [ "$n" -le 16 ]; then
    sed 's/^\.options acct/.options acct reltol=1e-6/' "$ng" > "$nets/xbar_${n}_ref.cir"
    ngspice -b -r "$nets/xbar_${n}_ref.raw" "$nets/xbar_${n}_ref.cir" >/dev/null 2>&1
    acc=$(python3 -c "
import sys; sys.path.insert(0, 'bench'); import spicecmp as s
ref = s.read_raw('$nets/xbar_${n}_ref.raw')
e = lambda d: max(p for k, (x, r, p) in s.compare(ref, d)[0].items() if k.startswith('v(s'))
print(f\"{e(s.read_raw('$nets/xbar_$n.raw')):.2f} | {e(s.read_csv('$nets/xbar_${n}_aot/tran.csv')):.2f}\")")
  else
    acc="- | -"
  fi
  rows+=("| $n | $unk | $eq | $pts_ng | $pts_pv | $r | $mng | $ma | $ra | $mj | $rj | $agree | $acc |")
  echo "${rows[-1]}"
done

{
  echo "# Memristor crossbar, 12 ms transient: perovspice (N elements) vs ngspice (behavioural sources)"
  echo
  echo "Machine: $(nproc) cores, $(uname -m); $(ngspice --version 2>/dev/null | grep -m1 -o 'ngspice-[0-9.]*'); $(dotnet --version) SDK."
  echo "Reproduce: \`bash bench/run_crossbar.sh $runs \"$sizes\"\` ($(date -u +%Y-%m-%d))."
  echo
  echo "Circuit (\`bench/gen_crossbar.py N\`): N x N level-1 cells (rb = 1 kohm, ic0 = 10 mA, vt = 1 V, vm = 50 mV,"
  echo "cm = 10 nF, taud = 1 ms: the paper's normalized set with currents x 1e-3), 1 mohm per line segment, rows 1,"
  echo "ceil(N/2), N driven through 0.1 ohm by 3 pulses (1.4 / 1.2 / 0.9 V, 2 ms wide, 4 ms period), other rows tied to"
  echo "ground through 0.1 ohm, columns to ground through 1 ohm sense resistors; \`.tran 20u 12m\`; default tolerances"
  echo "in both simulators. ngspice writes each cell as Cm ‖ Rb ‖ B(I=v(icn)) with ic on an internal node"
  echo "(Bc into 1 ohm ‖ taud), the way the model is written by hand; run as \`ngspice -b -r out.raw\` with \`.save\`"
  echo "of the printed vectors and \`timeout $cap\`."
  echo
  echo "Wall time of the whole command (parse, setup, simulate, write), median of the \"runs\" interleaved runs."
  echo "Unknowns: perovspice's (nodes + one ic per cell + source branches); ngspice's \"Circuit Equations\" (its"
  echo "count includes the ground row). Time points: accepted points of the transient, t = 0 included for ngspice."
  echo "Agreement: max |v_ngspice − v_perovspice| on the union of both time grids (linear interpolation), as % of"
  echo "the range, for the sense voltages v(s1), v(s⌈N/2⌉), v(sN) (worst one) and for the far end of row 1, v(r1_N)."
  echo "Error vs reference (N ≤ 16): the same for each default run against ngspice at reltol = 1e-6."
  echo
  echo "| N | unknowns | ngspice equations | ngspice points | perovspice points | runs | ngspice (s) | perovspice AOT (s) | AOT/ngspice | perovspice JIT (s) | JIT/ngspice | agreement sense (%) | agreement row end (%) | ngspice error vs ref (%) | perovspice error vs ref (%) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Single-device equivalence check (\`bench/check_level1_equiv.py\`, run first by this script):"
  echo
  echo '```'
  echo "$equiv"
  echo '```'
  if [ -n "$notes" ]; then echo; echo "$notes"; fi
} > "$out"
cat "$out"
