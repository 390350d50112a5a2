#!/usr/bin/env bash
# Shared helpers for the FinAssist scripts. Sourced, not run.

# The feature release of a java binary (21, 25, ...), empty if it does not run.
finassist_java_major() {
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  echo "${v%%.*}"
}

# Picks a JDK >= 21: $JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm, else `java` on PATH.
finassist_pick_jdk() {
  local candidates=() c v
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  for c in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -Vr); do candidates+=("${c%/}"); done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in "${candidates[@]}"; do
    [[ -x "$c/bin/java" && -x "$c/bin/javac" ]] || continue
    v=$(finassist_java_major "$c/bin/java")
    if [[ -n "$v" && "$v" -ge 21 ]]; then
      export JAVA_HOME="$c"; export PATH="$JAVA_HOME/bin:$PATH"; return 0
    fi
  done
  echo "ERROR: FinAssist needs a JDK 21 or newer (with javac). None found in JAVA_HOME, /usr/lib/jvm or PATH." >&2
  echo "       Install one (e.g. apt-get install openjdk-21-jdk, or Temurin 21/25) and set JAVA_HOME." >&2
  return 1
}

finassist_require_maven() {
  command -v mvn >/dev/null 2>&1 && return 0
  echo "ERROR: Maven (mvn) is not on PATH. Install it: apt-get install -y maven" >&2
  return 1
}

# Environment that keeps the in-process embedding model (DJL/onnxruntime) offline and quiet.
finassist_model_env() {
  export OPT_OUT_TRACKING=true DJL_OFFLINE=true OMP_THREAD_LIMIT="${OMP_THREAD_LIMIT:-1}"
  export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$FINASSIST_HOME/data/djl}"
}

# Production JVM settings (run.sh; bench/gateway.sh measures with the same), sized so a node serving the gateway
# stays under 512 MiB resident (docs/benchmarks.md, issue 19). Serial GC: on 2 cores and a 192 MiB heap its young
# collections take a few ms, and it has no remembered sets or concurrent threads, so it uses the least memory and
# CPU of HotSpot's collectors (G1 adds ~10 % of the heap in native structures and background work; pick it with
# FINASSIST_JAVA_OPTS="-XX:+UseG1GC" for heaps of several GiB). FINASSIST_HEAP (default 192m; ~120 MiB were live
# with 512 gateway connections open, ~100 KiB each, mostly Tomcat's buffers) raises it for nodes that run OCR on large
# uploads or big ingest jobs. NewRatio=3 (young a quarter of the heap instead of a third): with the old generation at
# 128 of 192 MiB, 512 connections left it ~9 MiB of room and a full collection followed every few young ones (GC
# pauses were a third or more of the gateway's time per request at 512 clients); at 144 MiB one came
# per 13 s instead of four or five. MALLOC_ARENA_MAX=2: glibc otherwise gives each busy native thread (JIT
# compilers, onnxruntime) its own 64 MiB arena; TrimNativeHeapInterval hands freed native memory (start-up, JIT
# compilations) back to the OS every 5 s. jdk.pollerMode=1: a virtual thread waiting on a socket (the provider's
# answer) is woken by one platform read-poller thread, instead of a master poller waking a virtual sub-poller that
# then wakes it; one thread hand-off (a context switch, ~6 µs here) less per provider read. At 1 client the gateway
# spends a third of its CPU switching threads: median 144 µs per request with it, 163 without (session 10;
# at 64 clients ~11 % dearer, 64 vs 71 µs: the one platform poller thread does work a busy carrier did; see
# docs/benchmarks.md, session 10). UseCompactObjectHeaders (a product flag from JDK 25; JDK 21-24 lack it or keep it
# experimental, so it is added only on 25+): 8-byte object headers instead of 12, less to allocate and collect;
# interleaved with the same build without it, -4 % CPU per gateway request at 64 clients, no change seen at one
# (session 11, docs/benchmarks.md).
finassist_jvm_defaults() {
  export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
  FINASSIST_JVM_DEFAULTS="-XX:+UseSerialGC -Xms64m -Xmx${FINASSIST_HEAP:-192m} -XX:NewRatio=3 -Xss512k -XX:MaxMetaspaceSize=192m"
  FINASSIST_JVM_DEFAULTS+=" -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -XX:TrimNativeHeapInterval=5000"
  FINASSIST_JVM_DEFAULTS+=" -Djdk.pollerMode=1"
  local v
  v=$(finassist_java_major "${JAVA_HOME:+$JAVA_HOME/bin/}java")
  if [[ -n "$v" && "$v" -ge 25 ]]; then
    FINASSIST_JVM_DEFAULTS+=" -XX:+UseCompactObjectHeaders"
  fi
}
