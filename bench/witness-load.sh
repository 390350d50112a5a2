#!/usr/bin/env bash
# Witness load benchmark on loopback: 1,000 concurrent sessions across 10 simulated digital-human runtimes
# against the real /ws/runtime endpoint and PostgreSQL (schema dh_test). Reports server-side turn latency
# (asr.final in -> next speak out) p50/p90/p99 and heap per live session to bench/results/witness-load.txt.
# Options (as -D flags after the script name): -Dfinassist.bench.runtimes=10 -Dfinassist.bench.sessions=100
# -Dfinassist.bench.think-ms=6000 (each answer comes 0.5-1x that after the question, as the digital human
# speaks the question first), -Dfinassist.bench.ramp-ms=10000 (customers join over this time). Needs PostgreSQL (FINASSIST_TEST_PG_URL / FINASSIST_TEST_PG_USER).
set -euo pipefail
FINASSIST_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$FINASSIST_HOME"
source scripts/lib.sh
finassist_pick_jdk
finassist_require_maven
finassist_model_env
mvn -B -ntp -q -pl assistant-server -am verify -Dfinassist.bench=true -Dit.test=WitnessLoadBenchmarkIT \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "$@"
cat bench/results/witness-load.txt
