#!/usr/bin/env bash
# Builds the web page (clients/web: TypeScript, Vite) into src/BulkInvite.Server/wwwroot, which is
# committed so that `dotnet run` needs only the .NET SDK. Installs the page's locked npm packages
# when missing. With --check, builds into a temporary folder instead and fails when the result
# differs from the committed wwwroot (CI runs it before dotnet test).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
root="$(repo_root)"
web="$root/clients/web"
wwwroot="$root/src/BulkInvite.Server/wwwroot"

npm_ensure "$web"
out="$wwwroot"
if [ "${1:-}" = "--check" ]; then
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi

cd "$web"
node_modules/.bin/tsc --noEmit -p .
node_modules/.bin/vite build --logLevel warn --outDir "$out" --emptyOutDir

if [ "$out" != "$wwwroot" ]; then
  if ! diff -r "$out" "$wwwroot" >&2; then
    echo "src/BulkInvite.Server/wwwroot is not what clients/web builds: run bash scripts/build-web.sh and commit the result." >&2
    exit 1
  fi
  echo "src/BulkInvite.Server/wwwroot matches clients/web." >&2
else
  echo "Built the web page into src/BulkInvite.Server/wwwroot." >&2
fi
