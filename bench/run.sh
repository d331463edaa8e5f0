#!/usr/bin/env bash
# Reproduces every figure in bench/results with one command (from any folder):
#   bench/run.sh            quality reports, scenarios S, M, MF, MF8, MF10, L, 30 generated weeks, baselines, GAP/LAP, then the headline table
#   bench/run.sh --all      also XL and XXL (long: minutes each) and the naive model at L
#   bench/run.sh --bdn      also the BenchmarkDotNet suites (short job), reports under bench/results/bdn
#   bench/run.sh --dry      a smoke run: every suite once (--job Dry), scenarios at S only (for CI)
# Needs ../shared/bench-data for the GAP and LAP tables (or MATCHING_SHARED); they are skipped without it.
set -euo pipefail
cd "$(dirname "$0")/.."
export MATCHING_BENCH_DATE="${MATCHING_BENCH_DATE:-$(date -u +%Y-%m-%d)}"
export MATCHING_BENCH_COMMIT="${MATCHING_BENCH_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}"
dotnet build bench/Matching.Bench -c Release --nologo -v q
bench=(dotnet bench/Matching.Bench/bin/Release/net10.0/Matching.Bench.dll)
all=false; bdn=false
for arg in "$@"; do
  case "$arg" in
    --all) all=true ;;
    --bdn) bdn=true ;;
    --dry) MATCHING_BENCH_SCENARIOS=S exec "${bench[@]}" --filter "*" --job Dry --inProcess --artifacts "$(mktemp -d)" ;;
    *) echo "unknown option $arg" >&2; exit 64 ;;
  esac
done

# Each scenario in its own process, so its peak working set is its own.
scenarios=(S M MF MF8 MF10 L); $all && scenarios+=(XL XXL)
for s in "${scenarios[@]}"; do "${bench[@]}" report scenario "$s"; done  # each at its own seed (MF8: 8, MF10: 10, the others 1)
"${bench[@]}" report weeks --runs 3  # the explanation phase over 30 generated weeks (fostering 1-20, mixed 21-30)
"${bench[@]}" report greedy S,M,L --seeds 5
"${bench[@]}" report naive S --seed 1 --limit 600
"${bench[@]}" report naive M --seed 1 --limit 300
# The naive model at L has 7.5 M booleans: expect many GB and the full limit.
$all && "${bench[@]}" report naive L --seed 1 --limit 900
"${bench[@]}" report lap
"${bench[@]}" report gap all --limit 10
if $bdn; then
  "${bench[@]}" --filter '*' --job short --artifacts bench/results/bdn
fi
"${bench[@]}" report summary
