#!/usr/bin/env bash
# Regenerates every client from protos/ (buf.gen.yaml): clients/typescript/src/gen,
# clients/csharp/BulkInvite.Client/Generated and clients/python/src. Installs its tools when missing.
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

# Generated files are replaced wholesale, so a message or file removed from the protos disappears too.
rm -rf clients/typescript/src/gen clients/csharp/BulkInvite.Client/Generated clients/python/src/bulkinvite
node_modules/.bin/buf generate
echo "Generated clients from protos/." >&2
