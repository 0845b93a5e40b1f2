#!/usr/bin/env bash
# Runs the database suite against Debian's PostgreSQL 15, the oldest server Fulcrum supports: installs
# it when missing, starts a throwaway cluster on a loopback port as the postgres user (initdb refuses
# root), runs the suite with TEST_DATABASE_URL pointing at it, and removes the cluster.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | head -n 1)
echo "PostgreSQL suite on $("$BIN/postgres" --version)"

DIR=$(mktemp -d /tmp/fulcrum-pg15-XXXXXX)
chown postgres:postgres "$DIR"
chmod 700 "$DIR"
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
as_postgres() { runuser -u postgres -- "$@"; }
as_postgres "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null
as_postgres "$BIN/pg_ctl" -D "$DIR/data" -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" -l "$DIR/log" -w start >/dev/null
trap 'as_postgres "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null || true; rm -rf "$DIR"' EXIT

TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres" node scripts/vitest-run.mjs --project db
