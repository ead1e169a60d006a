#!/usr/bin/env bash
# A throwaway PostgreSQL server from Debian's postgresql package (installed when missing), for the
# tests and for running BulkInvite on PostgreSQL locally:
#
#   scripts/postgres.sh bindir                  print the folder holding initdb, pg_ctl and postgres
#   scripts/postgres.sh start DIR PORT [OPT…]   initdb DIR/data (once), then start it on 127.0.0.1:PORT;
#                                               OPT… are passed to postgres (e.g. -c fsync=off)
#   scripts/postgres.sh stop DIR                stop it at once
#
# The cluster's superuser is "postgres", trusted without a password on 127.0.0.1 only (nothing else
# is listened on). initdb refuses to run as root, so as root the server runs as the "postgres"
# system user (Debian's package creates it; it is created here otherwise).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# The newest Debian cluster binaries, else those on PATH (/usr/local/bin may link to them).
find_bindir() {
  local dir
  for dir in ${BULKINVITE_PG_BIN:-} $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4,4 -n -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
      echo "$dir"
      return 0
    fi
  done
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(readlink -f "$(command -v initdb)")"
    return 0
  fi
  return 1
}

bindir() {
  if ! find_bindir >/dev/null; then
    apt_ensure postgresql
  fi
  find_bindir || { echo "PostgreSQL's initdb and pg_ctl were not found, even after installing postgresql." >&2; exit 1; }
}

# Runs a command as the cluster's owner: this user, or "postgres" when this user is root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local dir="$1" port="$2"
  shift 2
  local bin
  bin="$(bindir)"
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    id -u postgres >/dev/null 2>&1 || useradd --system --user-group --no-create-home --shell /usr/sbin/nologin postgres
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  local options="-c listen_addresses=127.0.0.1 -p $port -k $dir"
  if [ $# -gt 0 ]; then
    options="$options $*"
  fi
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$options" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
}

stop() {
  local dir="$1" bin
  bin="$(bindir)"
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
  fi
}

case "${1:-}" in
  bindir) bindir ;;
  start) [ $# -ge 3 ] || { echo "usage: $0 start DIR PORT [postgres options…]" >&2; exit 1; }; shift; start "$@" ;;
  stop) [ $# -eq 2 ] || { echo "usage: $0 stop DIR" >&2; exit 1; }; stop "$2" ;;
  *) echo "usage: $0 bindir | start DIR PORT [postgres options…] | stop DIR" >&2; exit 1 ;;
esac
