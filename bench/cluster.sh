#!/usr/bin/env bash
# Cluster benchmark (issue 20): three server JVMs on one PostgreSQL schema (cluster_bench, pgvector) behind
# bench/lb.mjs (round-robin HTTP + SSE + WebSocket, not sticky), chat streams running through the balancer the
# whole time, and the cluster checks under that load: a document uploaded through the balancer found on every node,
# API key create/revoke propagation between nodes, the ops summary from every node (same answer, no negative
# interval), a commentary batch with node-1 killed (kill -9) mid-batch. Report: bench/results/cluster-latest.md
# (see docs/benchmarks.md). Needs PostgreSQL with pgvector (FINASSIST_TEST_PG_URL/USER/PASSWORD, default
# finassist_test on 127.0.0.1 as postgres) and Node 18+.
# Options: BENCH_NODES (3), BENCH_CHAT_CLIENTS (6), BENCH_KEY_ROUNDS (20), MVN_OFFLINE=1 (adds -o).
set -euo pipefail
FINASSIST_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$FINASSIST_HOME"
source scripts/lib.sh
finassist_pick_jdk
finassist_require_maven
finassist_model_env
OFFLINE=${MVN_OFFLINE:+-o}
# compiled in one reactor, nothing installed: the classpath points at the modules' target directories
mvn -B -ntp -q $OFFLINE -pl assistant-server -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="assistant-server/target/test-classes:assistant-server/target/classes:$(cat assistant-server/target/bench-classpath.txt)"
mkdir -p bench/results
cd assistant-server
java --enable-native-access=ALL-UNNAMED -Xmx1g -cp "$(echo "$CP" | sed 's#assistant-server/target#target#g')" \
  -Dbench.nodes="${BENCH_NODES:-3}" -Dbench.chatClients="${BENCH_CHAT_CLIENTS:-6}" \
  -Dbench.keyRounds="${BENCH_KEY_ROUNDS:-20}" -Dbench.lb=../bench/lb.mjs -Dbench.out=../bench/results/cluster-latest.md \
  org.finassist.server.bench.ClusterBenchmark
