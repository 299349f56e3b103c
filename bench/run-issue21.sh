#!/usr/bin/env bash
# Runs exactly the issue-21 runtime rows (docs/benchmarks.md, "Issue 21"), with BenchmarkDotNet's default job, and
# keeps the reports in one folder:
#   bench/run-issue21.sh [<output folder>, default: BenchmarkDotNet.Artifacts/issue21-<UTC time>]
# Estimated time on a quiet 2-core machine: about 45 minutes (two Release builds of 1-2 minutes each, then
# 31 runtime cases and 4 HTTP cases at roughly a minute each; measured 01:30-02:14 UTC on 2026-12-02). Run it with nothing else on the machine: the
# contention rows assume both cores are theirs.
# Per class: <output>/results/*-report-github.md (the tables for the docs), *.csv, *.html; <output>/machine.txt.
# BENCH_ARGS adds BenchmarkDotNet options, e.g. BENCH_ARGS='--job dry' to check the script runs every row.
# WITH_GENERATOR=1 also runs the generator and build rows into the same folder, so every issue-21 figure comes from
# one run: --generator-shapes (GENERATOR_ROUNDS, default 5), --generator-ide (IDE_ROUNDS, default 7) and
# bench/build-time.sh (BUILD_ROUNDS, default 3; 2,000 methods). About 25 more minutes on a quiet 2-core machine.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$repo/BenchmarkDotNet.Artifacts/issue21-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"
cd "$repo"

{
  echo "commit: $(git rev-parse HEAD)$(git diff --quiet HEAD || echo ' (working tree has changes)')"
  echo "started: $(date -u +%FT%TZ)"
  echo "uptime at start: $(uptime)"
  echo "cores: $(nproc)"
  echo "extra BenchmarkDotNet options: ${BENCH_ARGS:-(none)}"
} >"$out/machine.txt"

# The build timeout is generous because BenchmarkDotNet builds its own copy of the project (2 minutes by default).
common=(--buildTimeout 1200 --artifacts "$out")
read -r -a extra <<<"${BENCH_ARGS:-}"
common+=("${extra[@]}")

# 1-4: runtime rows, one build for all of them.
#  1. awaited happy path, fresh task: every row of HappyPathFreshTaskBenchmarks.
#  2. cached completed task: the rows that frame the all-four-layers overhead (direct, empty wrapper floor,
#     retry + breaker, all four layers, Polly with retry + breaker and with timeout + retry + breaker).
#  3. awaiting path (Task.Yield): every row of HappyPathYieldingBenchmarks.
#  4. contention, 1/2/4 threads, one breaker and 50 keyed breakers: every row of SharedBreakerContentionBenchmarks.
dotnet run -c Release --project bench/ResilienceGen.Benchmarks -- "${common[@]}" --filter \
  '*HappyPathFreshTaskBenchmarks*' \
  '*HappyPathCompletedBenchmarks.DirectCall' \
  '*HappyPathCompletedBenchmarks.EmptyHandWrittenWrapper' \
  '*HappyPathCompletedBenchmarks.GeneratedWrapper' \
  '*HappyPathCompletedBenchmarks.GeneratedAllLayers' \
  '*HappyPathCompletedBenchmarks.PollyPipeline' \
  '*HappyPathCompletedBenchmarks.PollyTimeoutRetryBreaker' \
  '*HappyPathYieldingBenchmarks*' \
  '*SharedBreakerContentionBenchmarks*'

# 5. end to end: a loopback GET, bare, generated wrapper, IHttpClientFactory client with and without the standard handler.
dotnet run -c Release --project bench/ResilienceGen.HttpBenchmarks -- "${common[@]}" --filter '*LoopbackGetBenchmarks*'

# 6-8: the generator against LoggerMessage on 24 corpus shapes, the IDE case, and the build of a 2,000-method project.
if [[ "${WITH_GENERATOR:-0}" == 1 ]]; then
  dotnet run -c Release --project bench/ResilienceGen.Benchmarks -- --generator-shapes --rounds "${GENERATOR_ROUNDS:-5}" \
    | tee "$out/generator-shapes.txt"
  dotnet run -c Release --project bench/ResilienceGen.Benchmarks -- --generator-ide --rounds "${IDE_ROUNDS:-7}" \
    | tee "$out/generator-ide.txt"
  bench/build-time.sh "${BUILD_ROUNDS:-3}" 2000 | tee "$out/build-time.txt"
fi

{
  echo "finished: $(date -u +%FT%TZ)"
  echo "uptime at end: $(uptime)"
} >>"$out/machine.txt"
echo "Reports: $out/results"
ls "$out/results"/*-report-github.md
