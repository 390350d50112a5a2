#!/usr/bin/env bash
# Diagnosis throughput over a synthetic universe: bar generation, indicators, facts, full local diagnoses.
# Usage: bench/diagnosis.sh [stocks=5000] [rounds=3] [threads=cores]
set -euo pipefail
FINASSIST_HOME="$(cd "$(dirname "$0")/.." && pwd)"
source "$FINASSIST_HOME/scripts/lib.sh"
finassist_pick_jdk
finassist_require_maven
cd "$FINASSIST_HOME"
mvn -B -ntp -q -pl aigc-content -am test-compile -DskipTests
mvn -B -ntp -q -pl aigc-content -am dependency:build-classpath -Dmdep.outputFile=target/diagnosis-bench.classpath >/dev/null
CP="aigc-content/target/test-classes:aigc-content/target/classes:assistant-core/target/classes:prompts/target/classes:$(cat aigc-content/target/diagnosis-bench.classpath)"
exec java -Xmx1g -XX:+UseParallelGC -cp "$CP" org.finassist.content.bench.DiagnosisBenchmark "$@"
