#!/usr/bin/env bash
# Long fuzz campaign (issue 13): seeded netlist mutations, each run by the published Native AOT binary as its own
# process under `timeout` (60 s, then SIGKILL), `/usr/bin/time` (wall time and peak memory) and a 3 GiB GC heap limit.
# Counts crashes, internal errors (exit 70), header-only results, runs past 10 s and runs past 1 GB.
#
#   tools/fuzz-campaign.sh [CASES] [FIRST_SEED] [HOURS]      # defaults: 100000 cases from seed 1, at most 24 h
#
# Findings (the netlists, one line each in findings.txt) and summary.txt go to $PEROVSPICE_FUZZ_KEEP
# (default /tmp/perovspice-fuzz-findings). Replay one case in-process: PEROVSPICE_FUZZ_CASE=<seed> dotnet test
# tests/Cli.Tests --filter FullyQualifiedName~FuzzTests, or write its netlist with PEROVSPICE_FUZZ_DUMP=<file> as well.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-100000}
seed=${2:-1}
hours=${3:-24}
bin=${PEROVSPICE_BIN:-}
if [[ -z "$bin" ]]; then
  dotnet publish src/Cli -c Release -r linux-x64 -p:PublishAot=true -o out/fuzz-aot >/dev/null
  bin=$PWD/out/fuzz-aot/perovspice
fi
dotnet build tests/Cli.Tests -c Release >/dev/null
PEROVSPICE_FUZZ_BINARY=$bin PEROVSPICE_FUZZ_CASES=$cases PEROVSPICE_FUZZ_SEED=$seed PEROVSPICE_FUZZ_HOURS=$hours \
  dotnet test tests/Cli.Tests -c Release --no-build --filter "FullyQualifiedName~FuzzCampaign" \
  --logger "console;verbosity=detailed" | grep -E "fuzz campaign|Passed|Failed" || true
cat "${PEROVSPICE_FUZZ_KEEP:-/tmp/perovspice-fuzz-findings}/summary.txt"
