#!/usr/bin/env bash
# Account-limit cost benchmark on PostgreSQL: the time one provider call spends in the account limits (admit: a
# concurrency lease and one token each from the requests- and tokens-per-minute buckets; release: the lease back and
# the answer's tokens charged), from two nodes (two connection pools, schema limits_test), against the in-memory
# backend. Figures to bench/results/limits-latest.md (see docs/benchmarks.md, "Issue 20"). Options (as -D flags after
# the script name): -Dfinassist.bench.calls=2000 -Dfinassist.bench.threads=4. Needs PostgreSQL
# (FINASSIST_TEST_PG_URL / FINASSIST_TEST_PG_USER).
set -euo pipefail
FINASSIST_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$FINASSIST_HOME"
source scripts/lib.sh
finassist_pick_jdk
finassist_require_maven
finassist_model_env
mvn -B -ntp -q -pl assistant-server -am verify -Dfinassist.bench=true -Dit.test=LimitsBenchmarkIT \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "$@"
cat bench/results/limits-latest.md
