#!/usr/bin/env bash
# Installs what the tests need on a fresh machine of this kind, then runs `mvn verify`
# (unit tests with surefire, integration tests with failsafe). `.ci/run` calls exactly this.
#   - Debian packages: Maven, Tesseract + chi_sim, a CJK font, Chromium (browser tests)
#   - PostgreSQL running, with pgvector built from Debian's source package, database finassist_test
#   - npm test-scoped packages (the official `openai` client, playwright-core) in their own folders
# Set FINASSIST_SKIP_INSTALL=1 to skip the install steps on a machine that already has everything.
set -euo pipefail
FINASSIST_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$FINASSIST_HOME"
source scripts/lib.sh

log() { printf '\n==> %s\n' "$*"; }

if [[ "${FINASSIST_SKIP_INSTALL:-0}" != 1 ]]; then
  log "Installing system packages"
  scripts/install-deps.sh
  log "Preparing PostgreSQL with pgvector"
  scripts/install-pgvector.sh
  log "Installing test-scoped npm packages"
  for d in $(find . -path '*/node_modules' -prune -o -path '*/src/test/node/*' -name package.json -print); do
    (cd "$(dirname "$d")" && npm install --no-audit --no-fund --no-package-lock --loglevel=error)
  done
fi

finassist_pick_jdk
finassist_require_maven
finassist_model_env
export FINASSIST_TEST_PG_URL="${FINASSIST_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/finassist_test}"
export FINASSIST_TEST_PG_USER="${FINASSIST_TEST_PG_USER:-postgres}"

log "Running mvn verify with $(java -version 2>&1 | head -1)"
mvn -B -ntp verify "$@"
