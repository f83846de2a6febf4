#!/usr/bin/env bash
# .hopf on N x N crossbars of level-2 memristors (bench/gen_hopf_crossbar.py): wall and CPU time, peak memory, the
# number of unknowns and the crossings found. Above 2000 unknowns the sparse eigenvalue solver runs
# (SparsePencilEigenvalues: the 12 eigenvalues nearest zero). Usage, from the repository root:
#   bash bench/run_hopf_crossbar.sh [sizes="8 16 32"] [points=5]
# Uses the Native AOT build in bench/.build/aot (publish it first, e.g. with bench/run_rc_ladder.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-"8 16 32"}
points=${2:-5}
build=bench/.build
aot="$build/aot/perovspice"
mkdir -p "$build/hopf"
for n in $sizes; do
  net="$build/hopf/hopf_crossbar_$n.cir"
  python3 bench/gen_hopf_crossbar.py "$n" "$points" > "$net"
  /usr/bin/time -f "N=$n: %e s wall, %U s user, %M KB peak" "$aot" run "$net" -o "$build/hopf/out_$n" --quiet 2>&1
  echo "  crossings:"; sed 1d "$build/hopf/out_$n/hopf-points.csv" | sed 's/^/    /'
  echo "  rightmost per point:"; sed 1d "$build/hopf/out_$n/hopf.csv" | sed 's/^/    /'
done
