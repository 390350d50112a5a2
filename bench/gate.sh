#!/usr/bin/env bash
# Answer gate benchmark: time to the first text a customer sees, ungated against gated (sentence by sentence), and
# gated when the first sentence is withheld and the answer regenerated, over the fake upstream streaming like a
# hosted model. Figures go to bench/results/gate-latest.md (see docs/benchmarks.md, "Issue 14").
# Options: BENCH_RUNS (30), BENCH_TTFT_MS (400), BENCH_CHUNK_MS (25).
set -euo pipefail
FINASSIST_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$FINASSIST_HOME"
source scripts/lib.sh
finassist_pick_jdk
finassist_require_maven
finassist_model_env
mvn -B -ntp -q -pl assistant-server -am install -DskipTests
mvn -B -ntp -q -Pbench -pl assistant-server exec:exec -Dbench.main=org.finassist.server.bench.GateLatencyBenchmark \
  -Dbench.runs="${BENCH_RUNS:-30}" -Dbench.ttftMs="${BENCH_TTFT_MS:-400}" -Dbench.chunkMs="${BENCH_CHUNK_MS:-25}"
