#!/usr/bin/env bash
# Commentary batch benchmark: 5,000 recaps over a synthetic universe through the fake upstream (800 ms latency,
# provider limit 64) -> articles/s against the 80/s ceiling, customer chat latency idle vs during the batch, then the
# same batch with the local model only. Figures go to bench/results/commentary-latest.md (see docs/benchmarks.md).
# Options: BENCH_ARTICLES (5000), BENCH_LATENCY_MS (800), BENCH_LIMIT (64).
set -euo pipefail
FINASSIST_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$FINASSIST_HOME"
source scripts/lib.sh
finassist_pick_jdk
finassist_require_maven
finassist_model_env
mvn -B -ntp -q -pl assistant-server -am install -DskipTests
mvn -B -ntp -q -Pbench-commentary -pl assistant-server exec:exec -Dbench.articles="${BENCH_ARTICLES:-5000}" \
  -Dbench.latencyMs="${BENCH_LATENCY_MS:-800}" -Dbench.limit="${BENCH_LIMIT:-64}"
