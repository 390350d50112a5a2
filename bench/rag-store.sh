#!/usr/bin/env bash
# Knowledge-store benchmark: ingest chunks/s and keyword / vector / hybrid query p50/p99 at growing sizes.
# Usage: bench/rag-store.sh [--store lucene|pgvector] [--sizes 10000,100000] [--queries 300]
# pgvector needs the machine's PostgreSQL with the extension (scripts/install-pgvector.sh) and uses schema rag_bench.
set -euo pipefail
FINASSIST_HOME="$(cd "$(dirname "$0")/.." && pwd)"
source "$FINASSIST_HOME/scripts/lib.sh"
finassist_pick_jdk
finassist_require_maven
cd "$FINASSIST_HOME"
# the benchmark lives in the tools module (never in the server jar)
exec scripts/tool.sh org.finassist.rag.bench.StoreBenchmark "$@"
