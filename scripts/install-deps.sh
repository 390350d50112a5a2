#!/usr/bin/env bash
# Installs the Debian packages the tests and the production profile use. Idempotent: apt runs only when
# something is missing.
set -euo pipefail
PKGS=(maven tesseract-ocr tesseract-ocr-chi-sim fonts-wqy-zenhei chromium nodejs npm)
missing=()
for p in "${PKGS[@]}"; do
  case "$p" in
    nodejs|npm) command -v "${p/nodejs/node}" >/dev/null 2>&1 && continue ;;
    maven) command -v mvn >/dev/null 2>&1 && continue ;;
  esac
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "ERROR: missing Debian packages (${missing[*]}); run as root or install them: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "system packages: ok"
