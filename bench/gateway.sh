#!/usr/bin/env bash
# Gateway benchmark: direct vs through the gateway against the scripted fake upstream, at 1, 64 and 512
# concurrent clients, in one run. Figures go to bench/results/gateway-latest.md (see docs/benchmarks.md).
# Options: BENCH_SECONDS (10), BENCH_WARMUP (3), BENCH_LEVELS (1,64,512).
set -euo pipefail
FINASSIST_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$FINASSIST_HOME"
source scripts/lib.sh
finassist_pick_jdk
finassist_require_maven
finassist_model_env
mvn -B -ntp -q -pl assistant-server -am install -DskipTests
mvn -B -ntp -q -Pbench -pl assistant-server exec:exec \
  -Dbench.seconds="${BENCH_SECONDS:-10}" -Dbench.warmup="${BENCH_WARMUP:-3}" -Dbench.levels="${BENCH_LEVELS:-1,64,512}"
