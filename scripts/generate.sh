#!/usr/bin/env bash
# Regenerates every client from protos/ (buf.gen.yaml and buf.gen.csharp.yaml): the folders named
# by GENERATED_DIRS in scripts/lib.sh. Installs its tools
# when missing. With an argument, writes under that folder instead of the repository (for checks).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
root="$(repo_root)"
cd "$root"

apt_ensure protobuf-compiler protobuf-compiler-grpc
npm_ensure "$root"
tools="$(nuget_tools_dir)"
mkdir -p .tools
ln -sf "$tools/protoc" .tools/protoc
ln -sf "$tools/grpc_csharp_plugin" .tools/grpc_csharp_plugin
chmod +x "$tools/protoc" "$tools/grpc_csharp_plugin"

out="${1:-$root}"
# Generated files are replaced wholesale, so a message or file removed from the protos disappears too.
for dir in $GENERATED_DIRS; do rm -rf "${out:?}/$dir"; done
node_modules/.bin/buf generate --output "$out"
node_modules/.bin/buf generate --template buf.gen.csharp.yaml --exclude-path protos/google --output "$out"
echo "Generated clients from protos/ into $out." >&2
