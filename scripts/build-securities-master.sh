#!/usr/bin/env bash
# Rebuilds aigc-content/src/main/resources/org/finassist/content/master/securities-master.csv from the
# index-constituent lists in ../shared/data/market/constituents (or $FINASSIST_DATA_DIR/market/constituents),
# by ConstituentsMasterBuilder (test scope: pinyin4j), then checks the written file equals a fresh build.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -B -pl aigc-content -am test -Dtest=ShippedMasterTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfinassist.master.rebuild=true >/dev/null 2>&1 || true   # this pass compares against the old file
mvn -o -q -B -pl aigc-content -am test -Dtest=ShippedMasterTest -Dsurefire.failIfNoSpecifiedTests=false
echo "securities-master.csv rebuilt: $(grep -vc '^#' aigc-content/src/main/resources/org/finassist/content/master/securities-master.csv) lines"
