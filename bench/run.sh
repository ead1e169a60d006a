#!/usr/bin/env bash
# The end-to-end benchmark: `bench/run.sh [--rows N] [--runs N] [--smoke] ...` (see --help).
# Installs sqlite3 (the baseline) and GNU time (peak memory of the baseline) when missing.
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
root="$(repo_root)"
apt_ensure sqlite3 time
dotnet build "$root/bench/BulkInvite.Bench" -c Release --nologo -v q >&2
exec dotnet "$root/bench/BulkInvite.Bench/bin/Release/net10.0/BulkInvite.Bench.dll" run "$@"
