#!/usr/bin/env bash
# Headless Chromium from Debian's packages for the report's browser test: installs it when missing
# and prints the path of the binary. Quick when it is already installed.
set -euo pipefail
find_chromium() {
  for c in "${REHABMAP_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$c" ] && [ -x "$c" ]; then echo "$c"; return 0; fi
  done
  return 1
}
if ! find_chromium >/dev/null; then
  if [ "$(id -u)" != 0 ]; then echo "chromium.sh: Chromium is not installed and installing needs root: apt-get install -y chromium" >&2; exit 2; fi
  echo "chromium.sh: installing Chromium from Debian's packages ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }
fi
find_chromium || { echo "chromium.sh: apt-get did not install chromium" >&2; exit 2; }
