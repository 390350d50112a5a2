#!/usr/bin/env bash
# Gateway benchmark: direct vs a minimal Node keep-alive proxy vs the gateway (its own process), against the
# scripted fake upstream, at 1, 64 and 512 concurrent clients, in one run: throughput, added latency, CPU µs per
# request of the gateway and of the proxy, the gateway's peak RSS, errors by URI, and validity (no local-model
# answers). Figures go to bench/results/gateway-latest.md (see docs/benchmarks.md).
# Options: BENCH_SECONDS (10), BENCH_WARMUP (3), BENCH_JIT_WARMUP (20, at least; until the JIT settles, at most
# BENCH_JIT_WARMUP_MAX 180), BENCH_LEVELS (1,64,512), BENCH_GATEWAY_JVM (gateway JVM options;
# default the production settings of scripts/run.sh).
set -euo pipefail
FINASSIST_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$FINASSIST_HOME"
source scripts/lib.sh
finassist_pick_jdk
finassist_require_maven
finassist_model_env
finassist_jvm_defaults
command -v node >/dev/null || { echo "bench/gateway.sh needs node for the reference proxy" >&2; exit 1; }
# the reactor's own classes, not an install into ~/.m2
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
mvn -B -ntp -q -pl assistant-server -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$CP_FILE"
CP="$FINASSIST_HOME/assistant-server/target/test-classes:$FINASSIST_HOME/assistant-server/target/classes:$(cat "$CP_FILE")"
JVM_DEFAULT="$FINASSIST_JVM_DEFAULTS"
cd assistant-server
exec java --enable-native-access=ALL-UNNAMED -Xmx2g -cp "$CP" \
  -Dbench.seconds="${BENCH_SECONDS:-10}" -Dbench.warmup="${BENCH_WARMUP:-3}" -Dbench.jitWarmup="${BENCH_JIT_WARMUP:-20}" \
  -Dbench.jitWarmupMax="${BENCH_JIT_WARMUP_MAX:-180}" -Dbench.levels="${BENCH_LEVELS:-1,64,512}" \
  -Dbench.gatewayJvm="${BENCH_GATEWAY_JVM:-$JVM_DEFAULT}" org.finassist.server.bench.GatewayBenchmark
