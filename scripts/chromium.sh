#!/usr/bin/env bash
# Debian's Chromium for the web page's browser tests (tests/BulkInvite.Web.Tests drive it with
# Playwright): installed when missing, since no browser download works here. Prints its path.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
apt_ensure chromium
command -v chromium
