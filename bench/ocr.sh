#!/usr/bin/env bash
# ID-photo benchmark: accuracy of quality checks and of both OCR engines on synthetic ID cards (per degradation kind),
# then per-image latency p50/p95 for quality checks alone and for the full check. Figures go to
# bench/results/ocr-latest.md (see docs/benchmarks.md).
# Options: BENCH_PER_KIND (20 photos per kind × 15 kinds = 300), BENCH_LATENCY_RUNS (40), BENCH_THREADS (2),
# BENCH_SCENES (0; N runs the realistic set of issue 17: 2N build + N held-out images per kind × 26 kinds,
# e.g. 4 → 312 images), BENCH_SPLITS (build,heldout), BENCH_SEED_BASE (90017: the held-out split's seed base; any
# other number gives a fresh held-out split nobody has seen — use a new one whenever a held-out split was looked at
# while tuning), BENCH_LATENCY_RUNS=0 skips the latency part.
# Builds ocr-checker in the same Maven run (no install into ~/.m2).
set -euo pipefail
FINASSIST_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$FINASSIST_HOME"
source scripts/lib.sh
finassist_pick_jdk
finassist_require_maven
mvn -B -ntp -q -Pbench -pl ocr-checker test-compile exec:exec \
  -Dbench.perKind="${BENCH_PER_KIND:-20}" -Dbench.latencyRuns="${BENCH_LATENCY_RUNS:-40}" \
  -Dbench.threads="${BENCH_THREADS:-2}" -Dbench.scenes="${BENCH_SCENES:-0}" \
  -Dbench.splits="${BENCH_SPLITS:-build,heldout}" -Dbench.seedBase="${BENCH_SEED_BASE:-90017}"
