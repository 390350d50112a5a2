#!/usr/bin/env bash
# Name resolution over the shipped securities master: code, full name, initials, short names, sentences, typos,
# split dev / held-out by a hash of the code. Usage: bench/names.sh
set -euo pipefail
FINASSIST_HOME="$(cd "$(dirname "$0")/.." && pwd)"
source "$FINASSIST_HOME/scripts/lib.sh"
finassist_pick_jdk
finassist_require_maven
cd "$FINASSIST_HOME"
mvn -B -ntp -q -pl aigc-content -am test-compile -DskipTests
mvn -B -ntp -q -pl aigc-content -am dependency:build-classpath -Dmdep.outputFile=target/names-bench.classpath >/dev/null
CP="aigc-content/target/test-classes:aigc-content/target/classes:assistant-core/target/classes:prompts/target/classes:$(cat aigc-content/target/names-bench.classpath)"
exec java -cp "$CP" org.finassist.content.bench.NameResolutionEval "$@"
