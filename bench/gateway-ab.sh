#!/usr/bin/env bash
# Interleaved A/B of the gateway's CPU per request: build A is a git ref (default HEAD), build B the working tree.
# Both run side by side against one scripted upstream with the production JVM settings; 5 s windows alternate
# A, B, B, A, ... so a machine that drifts hits both alike (GatewayAbBenchmark). Use it to judge a change of a few
# per cent, which two runs of bench/gateway.sh on a noisy machine cannot show; report the issue's own figures with
# bench/gateway.sh. Options: AB_LEVEL (64 clients), AB_ROUNDS (8), AB_SECONDS (5), AB_JVM_B (extra JVM flags for B
# only, e.g. to try a flag on the same code: bench/gateway-ab.sh HEAD with AB_JVM_B="-XX:+SomeFlag").
set -euo pipefail
FINASSIST_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$FINASSIST_HOME"
source scripts/lib.sh
finassist_pick_jdk
finassist_require_maven
finassist_model_env
finassist_jvm_defaults
REF="${1:-HEAD}"
WORK="$(mktemp -d)"
trap 'git worktree remove --force "$WORK/a" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
git worktree add -q --detach "$WORK/a" "$REF"
# each tree's own reactor classes, as bench/gateway.sh does
classpath() {
  (cd "$1" && mvn -B -ntp -q -pl assistant-server -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$2.deps")
  echo "$1/assistant-server/target/test-classes:$1/assistant-server/target/classes:$(cat "$2.deps")" > "$2"
}
echo "building A ($REF) and B (working tree)"
classpath "$WORK/a" "$WORK/cp-a"
classpath "$FINASSIST_HOME" "$WORK/cp-b"
java --enable-native-access=ALL-UNNAMED -Xmx1g -Djdk.httpclient.keepalive.timeout=15 -cp "$(cat "$WORK/cp-b")" \
  -Dab.cpA="$WORK/cp-a" -Dab.cpB="$WORK/cp-b" -Dab.level="${AB_LEVEL:-64}" -Dab.rounds="${AB_ROUNDS:-8}" \
  -Dab.seconds="${AB_SECONDS:-5}" -Dab.jvmA="$FINASSIST_JVM_DEFAULTS" -Dab.jvmB="$FINASSIST_JVM_DEFAULTS ${AB_JVM_B:-}" \
  org.finassist.server.bench.GatewayAbBenchmark
