#!/usr/bin/env bash
# Large level-1 crossbars, perovspice only (ngspice needs ~30 min at 128 x 128, beyond the 600 s cap of
# run_crossbar.sh). Usage, from the repository root:
#   bash bench/run_crossbar_large.sh [sizes="128 256"] [stop256=1m] [compare=0]
# The circuit is bench/gen_crossbar.py's (as in run_crossbar.sh); N = 256 runs its transient to `stop256` only
# (the full 12 ms takes tens of minutes), every other size the full `.tran 20u 12m`. Records the Native AOT
# binary's CPU time (user + sys), wall time, peak resident set (/usr/bin/time), accepted time points and bytes of
# peak memory per unknown into bench/results/crossbar_large.md. compare=1 also runs each size with
# `.options factorreuse=0` (full Newton at every time point) and gives the largest difference of the printed
# voltages as % of their range (bench/spicecmp.py).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-"128 256"}
stop256=${2:-1m}
compare=${3:-0}
build=bench/.build
nets="$build/xbar"
mkdir -p "$nets" bench/results
dotnet publish src/Cli -c Release -r linux-x64 -p:PublishAot=true -o "$build/aot" >/dev/null
aot="$build/aot/perovspice"

measure() {   # measure NETLIST OUTDIR -> "cpu wall rss_kb"
  local f; f=$(mktemp)
  /usr/bin/time -f "%U %S %e %M" -o "$f" "$aot" run "$1" -o "$2" --quiet >/dev/null 2>&1
  awk '{printf "%.1f %.1f %d\n", $1 + $2, $3, $4}' "$f"; rm -f "$f"
}

rows=()
for n in $sizes; do
  pv="$nets/xbar_${n}_pv.cir"
  python3 bench/gen_crossbar.py "$n" --flavor perovspice > "$pv"
  stop=12m
  if [ "$n" -ge 256 ]; then stop=$stop256; sed -i "s/^\.tran 2e-05 0.012$/.tran 2e-05 $stop256/" "$pv"; fi
  read -r cpu wall rss < <(measure "$pv" "$nets/xbar_${n}_large")
  unk=$(python3 -c "import sys; sys.path.insert(0, 'bench'); import gen_crossbar as g; print(g.unknowns($n))")
  pts=$(( $(wc -l < "$nets/xbar_${n}_large/tran.csv") - 1 ))
  per=$(python3 -c "print(f'{$rss * 1024 / $unk:.0f}')")
  diff="-"; cpu_full="-"
  if [ "$compare" = 1 ]; then
    sed 's/^\.tran /.options factorreuse=0\n.tran /' "$pv" > "$nets/xbar_${n}_full.cir"
    read -r cpu_full _ _ < <(measure "$nets/xbar_${n}_full.cir" "$nets/xbar_${n}_full")
    diff=$(python3 -c "
import sys; sys.path.insert(0, 'bench'); import spicecmp as s
res, _, _ = s.compare(s.read_csv('$nets/xbar_${n}_full/tran.csv'), s.read_csv('$nets/xbar_${n}_large/tran.csv'))
print(f'{max(p for _, (d, rng, p) in res.items()):.4f}')")
  fi
  rows+=("| $n | $unk | $stop | $pts | $cpu | $wall | $((rss / 1024)) | $per | $cpu_full | $diff |")
  echo "${rows[-1]}"
done

out=bench/results/crossbar_large.md
notes=$(sed -n '/^## Notes/,$p' "$out" 2>/dev/null || true)
{
  echo "# Large memristor crossbars (perovspice only)"
  echo
  echo "Machine: $(nproc) cores, $(uname -m); $(dotnet --version) SDK; Native AOT binary."
  echo "Reproduce: \`bash bench/run_crossbar_large.sh \"$sizes\" $stop256 $compare\` ($(date -u +%Y-%m-%d))."
  echo
  echo "Circuit as in crossbar.md (\`bench/gen_crossbar.py N\`). CPU = user + sys seconds of the whole command; peak"
  echo "memory = maximum resident set; bytes per unknown = peak memory / unknowns (runtime included). Full Newton:"
  echo "CPU seconds with \`.options factorreuse=0\`; difference: largest |Δv| of the printed voltages between the two, % of range."
  echo
  echo "| N | unknowns | transient to | time points | CPU (s) | wall (s) | peak memory (MB) | bytes per unknown | full Newton CPU (s) | difference (% of range) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  if [ -n "$notes" ]; then echo; echo "$notes"; fi
} > "$out"
echo "wrote $out"
