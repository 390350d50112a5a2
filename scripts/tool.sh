#!/usr/bin/env bash
# Runs one of the evaluation, benchmark and simulator tools of the `tools` module (built with the project, never
# shipped in the server jar). Builds what it needs from this checkout first (no installed org.finassist artifacts).
# Usage: scripts/tool.sh <main class> [arguments…], for example
#   scripts/tool.sh org.finassist.rag.eval.EvalCommand ../shared/data/finance-qa/fin-eva/保险条款解读.csv --grid
#   scripts/tool.sh org.finassist.rag.bench.StoreBenchmark --store lucene --sizes 10000,100000
#   scripts/tool.sh org.finassist.dh.simulator.SimulatorCli ws://127.0.0.1:8080/ws/runtime TOKEN 2 5
# JAVA_OPTS adds JVM options (default -Xmx2g).
set -euo pipefail
FINASSIST_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$FINASSIST_HOME/scripts/lib.sh"
if [[ $# -lt 1 || "$1" == -h || "$1" == --help ]]; then
  sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 0
fi
finassist_pick_jdk
finassist_require_maven
finassist_model_env
cd "$FINASSIST_HOME"
# package (not just compile) in the same reactor run: the modules' jars and test-jars then resolve from this
# checkout, with no installed org.finassist artifacts; the classpath file lists the runtime scope only
mvn -B -ntp -q -pl tools -am -DskipTests package dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=target/tools.classpath >/dev/null
CP="tools/target/classes:$(cat tools/target/tools.classpath)"
mkdir -p bench/results
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx2g} --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -cp "$CP" "$@"
