#!/usr/bin/env bash
# Runs one client's own test suite: `scripts/test-clients.sh typescript|python`. Installs what the
# suite needs when missing (npm packages; Debian's python3-grpcio, python3-protobuf, python3-pytest).
# The suites start a real server: BULKINVITE_SERVER_DLL names the built server, else they build it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
root="$(repo_root)"
cd "$root"

case "${1:-}" in
  typescript)
    npm_ensure "$root/clients/typescript"
    cd clients/typescript && npm test
    ;;
  python)
    apt_ensure python3-grpcio python3-protobuf python3-pytest
    # Debian's interpreter, which has Debian's packages (another python3 may come first on PATH).
    /usr/bin/python3 -m pytest clients/python/tests -q -p no:cacheprovider
    ;;
  *)
    echo "usage: $0 typescript|python" >&2
    exit 1
    ;;
esac
