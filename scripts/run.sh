#!/usr/bin/env bash
# Starts FinAssist on the embedded default: H2 under ./data, the local grounded model, no keys, no services.
# Builds first when the jar is missing or older than the sources. Ctrl-C stops the server cleanly.
# ./scripts/run.sh generate --date 2024-09-19 --universe csi300 --types recap,alert,video  writes commentary instead.
set -euo pipefail
FINASSIST_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$FINASSIST_HOME"
source scripts/lib.sh
finassist_pick_jdk
finassist_model_env
finassist_jvm_defaults

JAR=assistant-server/target/finassist-server.jar
STALE=""
[[ -f "$JAR" ]] && STALE="$(find . \( -path '*/target' -o -path ./data -o -path '*/node_modules' \) -prune -o \
  \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$JAR" -print -quit)"
if [[ ! -f "$JAR" || -n "$STALE" ]]; then
  finassist_require_maven
  echo "Building FinAssist (first build downloads dependencies; later builds take ~1 min)..."
  # -DskipTests (not -Dmaven.test.skip): the server's test classpath names assistant-core's test-jar, which Maven
  # resolves even when tests are skipped, so it must be built; no org.finassist artifact is needed in ~/.m2.
  mvn -B -q -ntp -DskipTests package -pl assistant-server -am
fi

mkdir -p data
PORT="${SERVER_PORT:-${PORT:-8080}}"
# "generate ..." runs one commentary batch, "eval-answers ..." the answer evaluation, and exit (see README); anything else starts the server
ARGS=("$@")
if [[ "${1:-}" != generate && "${1:-}" != eval-answers ]]; then
  ARGS=(--server.port="$PORT" "$@")
  echo "FinAssist starting on http://localhost:${PORT}/  (Ctrl-C to stop)"
fi
# jdk.incubator.vector lets Lucene use SIMD for vector search and BM25 (several times faster HNSW at 100k chunks).
# Heap, stacks, metaspace, code cache and direct memory: finassist_jvm_defaults in scripts/lib.sh (FINASSIST_HEAP
# sizes the heap); FINASSIST_JAVA_OPTS comes last, so any of its options wins.
# shellcheck disable=SC2086
exec java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector $FINASSIST_JVM_DEFAULTS \
  -Dfile.encoding=UTF-8 ${FINASSIST_JAVA_OPTS:-} -jar "$JAR" "${ARGS[@]}"
