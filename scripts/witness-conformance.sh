#!/usr/bin/env bash
# Protocol 1.1 conformance kit for digital-human runtime vendors (docs/protocol.md).
#   scripts/witness-conformance.sh server ws://host:8080/ws/runtime <runtimeId> <token>
#       checks a server: auth, binary frames, optional fields, a full cooperative witness, seq regression and
#       seqReset, no null strings / refType always set, one connection per runtime id.
#   scripts/witness-conformance.sh runtime 9870        (0 = a free port, printed first)
#       listens on port 9870 as a minimal server; point your runtime at ws://<this host>:9870/ws/runtime with one
#       customer: checks hello, join, asr.final (seq, replyTo), then drops the connection before the ack and checks
#       reconnect, rejoin of the resumed session, resend of the unacknowledged final (same seq and text), heartbeat.
# Details: docs/protocol.md, "Conformance kit".
# Needs Node.js >= 18; installs the 'ws' client into the kit's directory on first use.
set -euo pipefail
case "${1:-}" in -h|--help|"") sed -n '2,11p' "$0"; exit 0 ;; esac
KIT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../assistant-server/src/test/node/witness-runtime" && pwd)"
command -v node >/dev/null || { echo "Node.js is required" >&2; exit 2; }
[ -d "$KIT/node_modules/ws" ] || (cd "$KIT" && npm install --no-audit --no-fund --silent)
exec node "$KIT/conformance.mjs" "$@"
