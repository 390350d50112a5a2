#!/usr/bin/env bash
# Proves the README's run command on a fresh machine: clones this checkout into a temporary folder, hides every
# org.finassist artifact from the local Maven repository (as a new machine has none), puts the machine's default
# `java` first on PATH, runs ./scripts/run.sh, asks one question on /api/chat, sends Ctrl-C (SIGINT) and checks a
# clean exit. `.ci/run` calls it after the tests.
set -euo pipefail
SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d)"
PORT="${SMOKE_PORT:-18080}"
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
HIDDEN=""
restore() {
  [[ -n "${PID:-}" ]] && kill -9 "$PID" 2>/dev/null || true
  [[ -n "$HIDDEN" && -d "$HIDDEN" ]] && mv "$HIDDEN" "$M2/org/finassist"
  rm -rf "$WORK"
}
trap restore EXIT
fail() { echo "SMOKE FAILED: $*" >&2; echo "--- run.sh output ---" >&2; tail -60 "$WORK/run.log" >&2 || true; exit 1; }

if [[ -d "$M2/org/finassist" ]]; then
  HIDDEN="$(mktemp -d)/finassist"; mv "$M2/org/finassist" "$HIDDEN"
fi
git clone -q "$SRC" "$WORK/clone"
cd "$WORK/clone"
# The machine's default java (17 here) first on PATH: run.sh must find a JDK >= 21 by itself.
DEFAULT_JAVA_DIR="$(dirname "$(readlink -f "$(command -v java)")")"
echo "==> smoke: ./scripts/run.sh from a fresh clone (java on PATH: $("$DEFAULT_JAVA_DIR/java" -version 2>&1 | head -1))"
# A background job of a non-interactive shell starts with SIGINT ignored, and a JVM that starts so never sees
# Ctrl-C: restore the default disposition as a terminal's foreground job has it.
env -u JAVA_HOME PATH="$DEFAULT_JAVA_DIR:$PATH" SERVER_PORT="$PORT" python3 -c \
  'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])' \
  ./scripts/run.sh >"$WORK/run.log" 2>&1 &
PID=$!
for _ in $(seq 1 600); do
  curl -fsS "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$PID" 2>/dev/null || fail "run.sh exited before the server answered"
  sleep 1
done
curl -fsS "http://127.0.0.1:$PORT/actuator/health" >/dev/null || fail "server not up after 10 minutes"
# as the widget does: an anonymous customer token first (the embedded default issues them), then the question
TOKEN="$(curl -fsS -X POST "http://127.0.0.1:$PORT/api/widget/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')" \
  || fail "POST /api/widget/token failed"
ANSWER="$(curl -sS -N --max-time 60 -H 'Content-Type: application/json' -H 'Accept: text/event-stream' \
  -H "Authorization: Bearer $TOKEN" -d '{"message":"股票几点开盘？"}' "http://127.0.0.1:$PORT/api/chat")" \
  || fail "POST /api/chat failed"
echo "$ANSWER" | grep -q '^event: *done' || fail "no done event in the chat answer: $ANSWER"
echo "$ANSWER" | grep -q '^event: *token' || fail "no answer text in: $ANSWER"
kill -INT "$PID"
RC=0; wait "$PID" || RC=$?
PID=""
# The JVM exits with 130 (128 + SIGINT) after its shutdown hooks ran; anything else, or a stack trace, is unclean.
[[ "$RC" == 0 || "$RC" == 130 ]] || fail "exit status $RC after Ctrl-C"
grep -q 'Exception\|fatal error' "$WORK/run.log" && fail "exception or crash in the server log"
echo "smoke: 1 passed, 0 failed"
