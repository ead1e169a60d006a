#!/usr/bin/env bash
# Installs smtp4dev (the Rnwood.Smtp4dev dotnet tool pinned in .config/dotnet-tools.json) and, with
# arguments, runs it: `scripts/smtp4dev.sh --smtpport=2525 --urls=http://127.0.0.1:5080 --db=`
# gives a throwaway SMTP server whose messages are listed at http://127.0.0.1:5080 (and its
# /api/messages). The SMTP tests restore and start it themselves; this is for trying it by hand.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$(repo_root)"
dotnet tool restore >&2
if [ $# -gt 0 ]; then
  exec dotnet tool run smtp4dev "$@"
fi
