#!/usr/bin/env bash
# Funnel screen benchmark on PostgreSQL: writes 100,000 simulated opening sessions over eight days (schema
# funnel_bench), then times the queries behind GET /api/ops/funnel (today, yesterday, last 7 days) and the hourly CSV
# export; figures to bench/results/funnel-latest.md (see docs/benchmarks.md, "Issue 22"). The target: each screen
# load under 2 s. Options (as -D flags after the script name): -Dfinassist.bench.sessions=100000
# -Dfinassist.bench.repeats=5. Needs PostgreSQL (FINASSIST_TEST_PG_URL / FINASSIST_TEST_PG_USER).
set -euo pipefail
FINASSIST_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$FINASSIST_HOME"
source scripts/lib.sh
finassist_pick_jdk
finassist_require_maven
finassist_model_env
mvn -B -ntp -q -pl assistant-server -am verify -Dfinassist.bench=true -Dit.test=FunnelBenchmarkIT \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "$@"
cat bench/results/funnel-latest.md
