#!/usr/bin/env bash
# CMOS ring-oscillator transient benchmark against ngspice (issue: devices, MOSFET). Usage, from the repository root:
#   bash bench/run_ring_oscillator.sh [runs=3] [sizes="5 21 101"]
# Publishes perovspice with Native AOT (bench/.build/aot, ignored by git), generates each ring with
# bench/gen_ring_osc.py (level-3 devices, five periods), runs perovspice (AOT and JIT) and ngspice on the same file,
# interleaved, and writes the medians of wall time, their ratio, the accepted time points of each and the
# oscillation periods to bench/results/ring_oscillator.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
sizes=${2:-"5 21 101"}
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
period() { # period (ns) of v(n1) from a two-column table (time, v): mean of rising vdd/2 crossings after the first
  python3 - "$1" "$2" <<'PY'
import sys, csv
path, kind = sys.argv[1], sys.argv[2]
if kind == "csv":
    rows = list(csv.DictReader(open(path))); t = [float(r["time"]) for r in rows]; v = [float(r["v(n1)"]) for r in rows]
else:
    lines = open(path).read().split("\n")[1:]; rows = [l.split() for l in lines if l.strip()]
    t = [float(r[0]) for r in rows]; v = [float(r[1]) for r in rows]
c = [t[i-1] + (1.65 - v[i-1]) * (t[i] - t[i-1]) / (v[i] - v[i-1]) for i in range(1, len(t)) if v[i-1] < 1.65 <= v[i]]
print(f"{(c[-1] - c[1]) / (len(c) - 2) * 1e9:.4f} {len(t)}" if len(c) >= 3 else f"nan {len(t)}")
PY
}

out=bench/results/ring_oscillator.md
{
  echo "# CMOS ring oscillator (level 3), five periods: perovspice vs ngspice"
  echo
  echo "Machine: $(nproc) cores, $(uname -m); $(ngspice --version 2>/dev/null | grep -m1 -o 'ngspice-[0-9.]*'); $(dotnet --version) SDK."
  echo "Medians of $runs interleaved runs, wall time of the whole command (parse, setup, simulate, write)."
  echo "Reproduce: \`bash bench/run_ring_oscillator.sh $runs \"$sizes\"\` ($(date -u +%Y-%m-%d))."
  echo
  echo "| stages | MOSFETs | ngspice (s) | perovspice AOT (s) | ratio AOT/ngspice | perovspice JIT (s) | ratio JIT/ngspice | points ngspice / ours | period ngspice / ours (ns) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$out"
for n in $sizes; do
  net="$build/nets/ring_$n.cir"
  python3 bench/gen_ring_osc.py "$n" > "$net"
  # ngspice writes v(n1) for the period check in a separate run (not timed)
  sed "s/^.print.*//; s/^.end\$/.control\nrun\nwrdata ring_${n}_ng.txt v(n1)\n.endc\n.end/" "$net" > "$build/nets/ring_${n}_wr.cir"
  (cd "$build/nets" && ngspice -b "ring_${n}_wr.cir" >/dev/null 2>&1 || true)
  ng=(); a=(); j=()
  for ((k = 0; k < runs; k++)); do
    ng+=("$(cd "$build/nets" && wall ngspice -b "ring_$n.cir")")
    a+=("$(wall "$aot" run "$net" -o "$build/out_aot_ring_$n" --quiet)")
    j+=("$(wall "$jit" run "$net" -o "$build/out_jit_ring_$n" --quiet)")
  done
  mng=$(median "${ng[@]}"); ma=$(median "${a[@]}"); mj=$(median "${j[@]}")
  ra=$(python3 -c "print(f'{$ma / $mng:.2f}')"); rj=$(python3 -c "print(f'{$mj / $mng:.2f}')")
  read -r png nng < <(period "$build/nets/ring_${n}_ng.txt" txt)
  read -r pus nus < <(period "$build/out_aot_ring_$n/tran.csv" csv)
  echo "| $n | $((2 * n)) | $mng | $ma | $ra | $mj | $rj | $nng / $nus | $png / $pus |" >> "$out"
  echo "$n: ngspice $mng s, AOT $ma s ($ra x), JIT $mj s ($rj x); points $nng / $nus; period $png / $pus ns"
done
cat "$out"
