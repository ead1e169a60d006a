#!/usr/bin/env bash
# The contract's CI gate:
#  1. buf lint (STANDARD) passes;
#  2. buf breaking (FILE) finds no breaking change against the previous commit of this branch;
#  3. regenerating every client changes nothing that is committed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
root="$(repo_root)"
cd "$root"
npm_ensure "$root"

echo "buf lint" >&2
node_modules/.bin/buf lint

if git rev-parse -q --verify HEAD~1 >/dev/null; then
  echo "buf breaking against HEAD~1" >&2
  node_modules/.bin/buf breaking --against ".git#ref=HEAD~1"
else
  echo "buf breaking skipped: no previous commit" >&2
fi

echo "regenerating clients" >&2
bash scripts/generate.sh
if ! git diff --quiet -- clients || [ -n "$(git ls-files --others --exclude-standard -- clients/*/src/gen clients/csharp/BulkInvite.Client/Generated clients/python/src)" ]; then
  echo "Generated clients are out of date: run scripts/generate.sh and commit the result." >&2
  git status --short -- clients >&2
  exit 1
fi
echo "contract checks passed" >&2
