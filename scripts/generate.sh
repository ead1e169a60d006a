#!/usr/bin/env bash
# Regenerates every client from protos/ (buf.gen.yaml): clients/typescript/src/gen,
# clients/csharp/BulkInvite.Client/Generated and clients/python/src/bulkinvite; and google.rpc's
# Status and error details for TypeScript and Python (buf.gen.googleapis.yaml), which read the
# UNAUTHENTICATED reason and every other error's details with them. Installs its tools when missing. With an argument, writes under that folder instead of the repository (for checks).
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
googleapis="$(googleapis_protos_dir)"
node_modules/.bin/buf generate "$googleapis" --template buf.gen.googleapis.yaml --output "$out" \
  --path "$googleapis/google/rpc/status.proto" --path "$googleapis/google/rpc/error_details.proto"
echo "Generated clients from protos/ into $out." >&2
