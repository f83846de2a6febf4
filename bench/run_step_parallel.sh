#!/usr/bin/env bash
# Parallel .step benchmark: the same 8-value .step run one value at a time (PEROVSPICE_THREADS=1) and on every core
# (the default), Native AOT binary, wall time of the whole command, medians of interleaved runs; checks that both
# runs write byte-identical files. Usage, from the repository root:  bash bench/run_step_parallel.sh [runs=3] [n=16]
# The netlist is bench/gen_crossbar.py's N x N level-1 crossbar with its sense resistance made a stepped parameter.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
n=${2:-16}
build=bench/.build
mkdir -p "$build/step" bench/results
dotnet publish src/Cli -c Release -r linux-x64 -p:PublishAot=true -o "$build/aot" >/dev/null
aot="$build/aot/perovspice"
net="$build/step/xbar_step_$n.cir"
python3 bench/gen_crossbar.py "$n" --flavor perovspice \
  | sed -E 's/^(Rs[0-9]+ s[0-9]+ 0) 1$/\1 {rsense}/; s/^\.tran /.param rsense=1\n.step param rsense list 1 1.2 1.4 1.6 1.8 2 2.2 2.4\n.tran /' > "$net"
wall() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); python3 -c "print(f'{$e - $s:.4f}')"; }
t1=(); tp=()
for ((k = 0; k < runs; k++)); do
  t1+=("$(PEROVSPICE_THREADS=1 wall "$aot" run "$net" -o "$build/step/seq" --quiet)")
  tp+=("$(wall "$aot" run "$net" -o "$build/step/par" --quiet)")
done
same=yes
for f in "$build"/step/seq/*; do cmp -s "$f" "$build/step/par/$(basename "$f")" || same=no; done
m1=$(python3 -c "import statistics,sys; print(f'{statistics.median(map(float, sys.argv[1:])):.3f}')" "${t1[@]}")
mp=$(python3 -c "import statistics,sys; print(f'{statistics.median(map(float, sys.argv[1:])):.3f}')" "${tp[@]}")
speedup=$(python3 -c "print(f'{$m1 / $mp:.2f}')")
cores=$(nproc)
{
  echo "# Parallel .step ($n x $n level-1 crossbar, 8 step values, Native AOT, $cores cores)"
  echo
  echo "Made by \`bash bench/run_step_parallel.sh $runs $n\` on $(date -u +%Y-%m-%d). Medians of $runs interleaved runs."
  echo
  echo "| one value at a time (s) | all cores (s) | speed-up | files identical |"
  echo "|---|---|---|---|"
  echo "| $m1 | $mp | $speedup | $same |"
} > bench/results/step_parallel.md
cat bench/results/step_parallel.md
