#!/usr/bin/env bash
# The contract's CI gate:
#  1. buf lint (STANDARD) passes;
#  2. buf breaking (FILE) finds no breaking change against the contract's baseline: the newest
#     commit whose message has a "Contract-Break: <why>" trailer (a break the team accepted, made
#     while every client lives in this repository and is regenerated with it), else the previous
#     commit;
#  3. regenerating every client gives exactly the generated code in the working tree.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
root="$(repo_root)"
cd "$root"
npm_ensure "$root"

echo "buf lint" >&2
node_modules/.bin/buf lint

baseline=$(git log -1 --format=%H --grep='^Contract-Break: ' HEAD)
if [ -z "$baseline" ] && git rev-parse -q --verify HEAD~1 >/dev/null; then
  baseline=$(git rev-parse HEAD~1)
fi
if [ -n "$baseline" ]; then
  echo "buf breaking against $baseline" >&2
  node_modules/.bin/buf breaking --against ".git#ref=$baseline"
else
  echo "buf breaking skipped: no previous commit" >&2
fi

echo "regenerating clients" >&2
fresh="$(mktemp -d)"
trap 'rm -rf "$fresh"' EXIT
bash scripts/generate.sh "$fresh"
for dir in $GENERATED_DIRS; do
  if ! diff -r "$fresh/$dir" "$dir" >&2; then
    echo "Generated code in $dir is out of date: run scripts/generate.sh and commit the result." >&2
    exit 1
  fi
done
echo "contract checks passed" >&2
