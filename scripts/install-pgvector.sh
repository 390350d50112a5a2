#!/usr/bin/env bash
# Makes sure PostgreSQL runs, has the pgvector extension (built from Debian's source package, since bookworm
# has no binary for PostgreSQL 15) and a database for the integration tests. Idempotent.
set -euo pipefail
DB="${FINASSIST_TEST_PG_DB:-finassist_test}"

pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
start_pg() {
  pg_up && return 0
  echo "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
  for _ in $(seq 1 30); do pg_up && return 0; sleep 1; done
  echo "ERROR: PostgreSQL is not reachable on 127.0.0.1:5432" >&2; exit 1
}

start_pg
PG_MAJOR="$(ls /etc/postgresql | sort -V | tail -1)"
PG_CONFIG="/usr/lib/postgresql/${PG_MAJOR}/bin/pg_config"
SHAREDIR="$("$PG_CONFIG" --sharedir 2>/dev/null || echo "/usr/share/postgresql/${PG_MAJOR}")"

if [[ ! -f "${SHAREDIR}/extension/vector.control" ]]; then
  echo "building pgvector for PostgreSQL ${PG_MAJOR} from Debian's source package"
  cat > /etc/apt/sources.list.d/trixie-src.sources <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "postgresql-server-dev-${PG_MAJOR}" build-essential dpkg-dev >/dev/null
  work="$(mktemp -d)"
  (cd "$work" && apt-get source -qq pgvector >/dev/null 2>&1 && cd pgvector-*/ \
    && make -s -j2 PG_CONFIG="$PG_CONFIG" OPTFLAGS="" >/dev/null && make -s install PG_CONFIG="$PG_CONFIG" >/dev/null)
  rm -rf "$work"
  # installing the -dev package may upgrade the server package; restart to load the new binaries
  pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" main restart || true
  start_pg
fi

psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='${DB}'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE ${DB}"
psql -h 127.0.0.1 -U postgres -qc 'CREATE EXTENSION IF NOT EXISTS vector' "$DB"
echo "PostgreSQL with pgvector: ok (database ${DB})"
