#!/usr/bin/env bash
# The test command (README): everything the suite needs is set up here, then Maven runs it.
# The publish tests need a PostgreSQL server and headless Chromium; both come from Debian's
# packages and are installed and started here. REHABMAP_TEST_POSTGRES=off or
# REHABMAP_TEST_BROWSER=off skips the tests that need them (they say so); CI never sets these.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REHABMAP_HOME"
spark_local_ip
if [ "${REHABMAP_TEST_POSTGRES:-on}" != "off" ]; then
  # a server of the tests' own on another port, so a developer's local warehouse is left alone
  eval "$(REHABMAP_PG_PORT="${REHABMAP_TEST_PG_PORT:-55433}" scripts/postgres.sh start --env | sed 's/REHABMAP_WAREHOUSE_/REHABMAP_TEST_WAREHOUSE_/')"
fi
if [ "${REHABMAP_TEST_BROWSER:-on}" != "off" ]; then
  REHABMAP_TEST_CHROMIUM="$(scripts/chromium.sh)"
  export REHABMAP_TEST_CHROMIUM
fi
exec mvn -B -ntp verify "$@"
