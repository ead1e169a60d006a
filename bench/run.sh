#!/usr/bin/env bash
# The end-to-end benchmark: `bench/run.sh [--rows N] [--runs N] [--smoke] ...` (see --help);
# `bench/run.sh drain [--rows N]` measures only the email drain of one import;
# `bench/run.sh upload [--rows N] [--runs N]` only the upload, streamed beside resumable; `bench/run.sh ab …`
# compares two server builds or settings side by side (bench/ab.sh builds one from a git revision);
# `bench/run.sh clients [--clients N] [--seconds N] [--runs N]` only the many-small-imports case, with
# every failed call and its status; `bench/run.sh postgres [--rows N] [--runs N]` only the PostgreSQL case
# (a throwaway cluster from scripts/postgres.sh, which the default run starts too).
# Installs sqlite3 (the baseline) and GNU time (peak memory of the baseline) when missing.
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
root="$(repo_root)"
apt_ensure sqlite3 time
dotnet build "$root/bench/BulkInvite.Bench" -c Release --nologo -v q >&2
command=run
case "${1:-}" in drain | upload | generate | ab | clients | postgres) command="$1"; shift ;; esac
exec dotnet "$root/bench/BulkInvite.Bench/bin/Release/net10.0/BulkInvite.Bench.dll" "$command" "$@"
