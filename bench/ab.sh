#!/usr/bin/env bash
# Two builds of the server side by side: `bench/ab.sh REV [--rows N] [--runs N] [--b-env NAME=VALUE] …`
# builds the server as it was at git revision REV (exported with git archive into a temporary
# folder, so no worktree is touched) and runs `bench/run.sh ab` with it as A and this working tree's
# build as B: the same CSV end to end, alternating A and B, medians and B/A. Any other option goes
# to the ab command (see `bench/run.sh ab --help`).
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
root="$(repo_root)"
[ $# -ge 1 ] || { echo "usage: $0 REV [ab options…]" >&2; exit 1; }
rev="$1"
shift
commit="$(git -C "$root" rev-parse --short "$rev")"
dir="${TMPDIR:-/tmp}/bulkinvite-ab-$commit"
if [ ! -f "$dir/out/BulkInvite.Server.dll" ]; then
  rm -rf "$dir"
  mkdir -p "$dir/src"
  git -C "$root" archive "$commit" | tar -x -C "$dir/src"
  dotnet build "$dir/src/src/BulkInvite.Server" -c Release --nologo -v q -o "$dir/out" >&2
fi
exec "$root/bench/run.sh" ab --a "$dir/out" "$@"
