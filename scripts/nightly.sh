#!/usr/bin/env bash
# The scheduled entry point: `run all`, then `maintain` (OPTIMIZE + VACUUM), one night at a time.
#
#   scripts/nightly.sh [extra options for `rehabmap run all`, e.g. --env prod]
#
# Every start writes its own log file, <logs>/nightly-<UTC time>-<pid>.log (REHABMAP_LOG_DIR, default
# logs/ in the project); logs older than REHABMAP_LOG_KEEP_DAYS (default 30) are deleted.
# Two nightlies never overlap: the second finds <locks>/nightly.lock taken (REHABMAP_LOCK_DIR, default
# run/ in the project; must be a local folder) and exits 3 at once. The commands it starts also take the
# lake's own lock (rehabmap.lock, in <lake>/_lock or REHABMAP_LOCK_DIR), so a run started by hand and the
# nightly never overlap either.
#
# Exit codes (docs/operations.md):
#   0  the run and maintenance succeeded
#   1  the run failed: gold was left at its previous version; see the log and `rehabmap status`
#   2  bad configuration or usage (or the build failed): nothing ran
#   3  another nightly or rehabmap command was running: nothing ran
#   4  the run succeeded but maintenance failed (the data is fine; the lake is not compacted)
#   5  the run was killed (signal / out of memory): recovered at once, gold at its previous version
set -uo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
REHABMAP="$REHABMAP_HOME/scripts/rehabmap"
LOCK_DIR="${REHABMAP_LOCK_DIR:-$REHABMAP_HOME/run}"
# the log folder is this script's own setting, not conf/'s: the log is open before any JVM has read the configuration
LOG_DIR="${REHABMAP_LOG_DIR:-$REHABMAP_HOME/logs}"
KEEP_DAYS="${REHABMAP_LOG_KEEP_DAYS:-30}"

mkdir -p "$LOCK_DIR" "$LOG_DIR" || { echo "rehabmap nightly: cannot create $LOCK_DIR or $LOG_DIR" >&2; exit 2; }
LOG="$LOG_DIR/nightly-$(date -u +%Y%m%dT%H%M%SZ)-$$.log"

say() { # a line in the log, and on the terminal when there is one
  printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >>"$LOG"
  if [ -t 2 ]; then printf '%s\n' "$*" >&2; fi
}
fail() { # a line everyone sees (cron mails it, systemd keeps it in the journal), then exit
  printf '%s %s\n' "$(date -u +%H:%M:%S)" "$2" >>"$LOG"
  printf 'rehabmap nightly: %s (log: %s)\n' "$2" "$LOG" >&2
  exit "$1"
}

# The lock lives on fd 9 for the life of this script; the kernel drops it however the script ends.
exec 9>>"$LOCK_DIR/nightly.lock" || fail 2 "cannot open $LOCK_DIR/nightly.lock"
if ! flock -n 9; then
  fail 3 "another nightly run is in progress ($(cat "$LOCK_DIR/nightly.lock" 2>/dev/null || echo 'holder unknown')); not starting"
fi
printf 'pid %s, started %s\n' "$$" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$LOCK_DIR/nightly.lock"
trap ': >"$LOCK_DIR/nightly.lock"' EXIT

# The options `maintain` and `recover` share with `run` (the rest, e.g. --as-of, are the run's alone).
common=()
args=("$@")
i=0
while [ "$i" -lt "${#args[@]}" ]; do
  case "${args[$i]}" in
    --env|--lake|--landing|--log-format) common+=("${args[$i]}" "${args[$((i + 1))]:-}"); i=$((i + 2)); continue ;;
    --env=*|--lake=*|--landing=*|--log-format=*|--quiet|--verbose) common+=("${args[$i]}") ;;
  esac
  i=$((i + 1))
done

find "$LOG_DIR" -maxdepth 1 -name 'nightly-*.log' -mtime +"$KEEP_DAYS" -delete 2>/dev/null || true

say "rehabmap nightly: run all $*"
"$REHABMAP" run all "$@" >>"$LOG" 2>&1
rc=$?
case "$rc" in
  0) ;;
  1) fail 1 "the run failed; gold is at its previous version" ;;
  2) fail 2 "configuration or usage error; nothing ran" ;;
  3) fail 3 "another rehabmap command holds the lake's lock; nothing ran" ;;
  *)
    if [ "$rc" -ge 128 ]; then
      say "the run was killed (exit $rc); recovering now"
      "$REHABMAP" recover "${common[@]}" >>"$LOG" 2>&1
      fail 5 "the run was killed (exit $rc); recovered, gold is at its previous version"
    fi
    fail 1 "the run ended with exit code $rc"
    ;;
esac

say "rehabmap nightly: maintain"
"$REHABMAP" maintain "${common[@]}" >>"$LOG" 2>&1
rc=$?
[ "$rc" -eq 0 ] || fail 4 "the run succeeded but maintenance failed (exit $rc)"
say "rehabmap nightly: done"
exit 0
