#!/usr/bin/env bash
# A real Spark cluster, not local[*]: starts a Spark standalone master and two workers as separate JVMs on
# 127.0.0.1 from the jars the build already has (nothing downloaded), submits `run all` on the acceptance delivery
# through scripts/submit.sh with two executors, runs the same delivery locally at the same time (scripts/rehabmap,
# same as-of date, same key), and checks that every gold and silver table of the two lakes holds the same rows. The cluster is
# stopped whatever happens. Exit 0 when everything agrees, 1 when anything failed, 2 for usage errors.
#
#   scripts/cluster-smoke.sh [--keep]        --keep: leave the work folder (logs, both lakes) in place
#
# What it proves, and how:
# * closures serialise: every task runs in an executor JVM of its own, never in the driver;
# * the pseudonym key reaches the executors only through the job: the run uses --env prod (no development key)
#   with a fresh REHABMAP_PSEUDO_KEY, the workers and executors start with an empty environment, silver's
#   pseudonyms must equal the local run's, and the key must appear in no log or output file;
# * nothing assumes files on the driver's disk: the workers run in a mount namespace where the driver's project
#   folders (conf/, data-contracts/, data/, notebooks/) are empty; executors get no rehabmap.home. Where mount
#   namespaces are not allowed the log says so and only the second half holds;
# * the cluster jar is complete: the workers' Spark has only Spark's jars (the build's lib/ less what the
#   application jar carries, less Delta, which travels with --jars as on a real cluster).
# Landing zone and lakes are plain local folders: the workers run on this machine, as if on shared storage.
#
# Environment: SMOKE_JAVA_OPTS (driver and local run heap and JIT; default -Xmx2g and the pom's JIT flags),
# SMOKE_WORKER_MEMORY (2g), SMOKE_EXECUTOR_MEMORY (1g), TMPDIR (where the work folder goes).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
keep=0
for a in "$@"; do
  case "$a" in
    --keep) keep=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "usage: scripts/cluster-smoke.sh [--keep]" >&2; exit 2 ;;
  esac
done
FLAGS="$SPARK_JVM_FLAGS"
JIT="$JIT_FLAGS"
LIB="$REHABMAP_LIB"
APP_JAR="$REHABMAP_HOME/jobs/target/rehabmap-cluster.jar"
DELIVERY="$REHABMAP_HOME/jobs/src/test/resources/acceptance/landing_run1"   # as AcceptanceTest reads it
AS_OF=2025-06-30
export SPARK_LOCAL_IP=127.0.0.1
# the caller's own Spark or rehabmap settings must not steer either run
unset SPARK_CONF_DIR REHABMAP_SPARK_MASTER REHABMAP_ENV REHABMAP_LAKE REHABMAP_LANDING
export REHABMAP_JAVA_OPTS="${SMOKE_JAVA_OPTS:--Xmx2g $JIT}"
DAEMON_OPTS="-Xmx384m -XX:TieredStopAtLevel=1"
# the folders of the driver's home it reads itself (Settings, contracts, reference data, notebooks)
DRIVER_ONLY=(conf data-contracts data notebooks)

for tool in unzip curl mvn; do
  command -v "$tool" >/dev/null || { echo "cluster-smoke: needs $tool (Debian package: $tool; maven for mvn)" >&2; exit 2; }
done
started=$SECONDS
log() { printf 'cluster-smoke: %s\n' "$*"; }
fail() { printf 'cluster-smoke: FAILED: %s\n' "$*"; exit 1; }

W="$(mktemp -d "${TMPDIR:-/tmp}/rehabmap-cluster-smoke.XXXXXX")"
mkdir -p "$W/logs"
daemons=()        # master and worker process ids, in start order
children=()       # executors seen under the workers, stopped too if their worker leaves them behind
foreground=       # the submit or comparison in progress
local_run=        # the local run, beside the cluster run
watchdog=
result=1

stop_cluster() {
  local p
  for p in "${daemons[@]}"; do
    while read -r c; do [ -n "$c" ] && children+=("$c"); done < <(ps -o pid= --ppid "$p" 2>/dev/null || true)
  done
  [ "${#daemons[@]}" = 0 ] && return 0
  for ((i = ${#daemons[@]} - 1; i >= 0; i--)); do kill -TERM "${daemons[$i]}" 2>/dev/null || true; done
  for _ in $(seq 1 40); do
    local alive=0
    for p in "${daemons[@]}" "${children[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.5
  done
  for p in "${daemons[@]}" "${children[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  daemons=()
  log "cluster stopped"
}

on_exit() {
  local rc=$?
  trap - EXIT INT TERM
  set +e   # clean-up goes on whatever one of its steps returns
  if [ -n "$foreground" ]; then kill -TERM "$foreground" 2>/dev/null; wait "$foreground" 2>/dev/null; fi
  if [ -n "$local_run" ]; then
    # the launcher's JVM first: the subshell around it would leave it running
    kill -TERM $(ps -o pid= --ppid "$local_run" 2>/dev/null) "$local_run" 2>/dev/null
    wait "$local_run" 2>/dev/null
  fi
  stop_cluster
  [ -n "$watchdog" ] && kill "$watchdog" 2>/dev/null
  if [ "$result" = 0 ] && [ "$keep" = 0 ]; then
    rm -rf "$W"
  else
    log "work folder kept: $W"
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'log "interrupted"; exit 1' INT TERM

# Runs a command in the background and waits for it, so a TERM reaches on_exit at once (not after the command).
run_logged() {
  local out="$1"
  shift
  "$@" >"$out" 2>&1 &
  foreground=$!
  local rc=0
  wait "$foreground" || rc=$?
  foreground=
  return "$rc"
}

# Waits until FILE has a line matching REGEX; fails when PID dies first or after SECONDS seconds.
await_line() {
  local file="$1" regex="$2" pid="$3" limit="$4"
  local until=$((SECONDS + limit))
  while ! grep -qE "$regex" "$file" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$file"; fail "$(basename "$file" .log) ended before: $regex"; }
    [ "$SECONDS" -lt "$until" ] || { tail -20 "$file"; fail "$(basename "$file" .log): no '$regex' in ${limit}s"; }
    sleep 0.5
  done
}

stale() {
  [ ! -f "$1" ] && return 0
  [ -n "$(find "$REHABMAP_HOME/jobs/src/main" "$REHABMAP_HOME/pom.xml" "$REHABMAP_HOME/jobs/pom.xml" \
            -newer "$1" -print -quit 2>/dev/null)" ]
}

# --- the builds: lib/ and the local jar (scripts/rehabmap's own rule), then the cluster jar -------------------
if stale "$REHABMAP_HOME/jobs/target/rehabmap.jar" || [ ! -d "$LIB" ]; then
  log "building the jar and lib/ (mvn package) ..."
  (cd "$REHABMAP_HOME" && mvn -q -B -DskipTests package) >"$W/logs/build.log" 2>&1 || { tail -30 "$W/logs/build.log"; fail "build"; }
fi
if stale "$APP_JAR"; then
  # In a copy of the sources: -Pcluster compiles again with Spark provided, and in the test suite the other ITs
  # run from this checkout's jobs/target at the same time, so it must not be rebuilt under them.
  log "building the cluster jar (mvn -Pcluster package, in a copy of the sources) ..."
  src="$W/build"
  mkdir -p "$src"
  (cd "$REHABMAP_HOME" && tar --exclude=.git --exclude=target --exclude=./bench/results -cf - .) | (cd "$src" && tar -xf -)
  # classes only: no test compile, style checks or tests (the suite's own build has done them), half the time
  (cd "$src" && mvn -q -B -Pcluster -Dmaven.test.skip=true -Dcheckstyle.skip -Dspotless.check.skip=true -pl jobs -am \
     package) >"$W/logs/build-cluster.log" 2>&1 \
    || { tail -30 "$W/logs/build-cluster.log"; fail "cluster build"; }
  cp "$src/jobs/target/rehabmap-cluster.jar" "$APP_JAR.$$.tmp" && mv -f "$APP_JAR.$$.tmp" "$APP_JAR"
  rm -rf "$src"
fi

# --- SPARK_HOME: Spark's own jars only ------------------------------------------------------------------------
SH="$W/spark-home"
mkdir -p "$SH/jars"
: >"$SH/RELEASE"   # without it Spark's launcher looks for a source build
unzip -Z1 "$APP_JAR" | grep '\.class$' | sort -u >"$W/app-classes.txt"
app_libs=()
for j in "$LIB"/*.jar; do
  name="$(basename "$j")"
  case "$name" in delta-spark_*|delta-storage-*) continue ;; esac
  # a library whose classes the application jar carries is the application's, not Spark's
  first="$(unzip -Z1 "$j" 2>/dev/null | grep '\.class$' | grep -v -e '^META-INF/' -e 'module-info' | head -1 || true)"
  if [ -n "$first" ] && grep -qxF "$first" "$W/app-classes.txt"; then app_libs+=("$name"); continue; fi
  ln -s "$j" "$SH/jars/$name"
done
DELTA_JARS="$(ls "$LIB"/delta-spark_*.jar "$LIB"/delta-storage-*.jar | paste -sd, -)"
export SPARK_HOME="$SH"
log "SPARK_HOME $SH: $(ls "$SH/jars" | wc -l) Spark jars; in the application jar: ${app_libs[*]}; Delta by --jars"

# --- may the workers run without the driver's folders? ----------------------------------------------------------
hide=0
probe="$(mktemp -d "$W/probe.XXXXXX")"
if command -v unshare >/dev/null \
  && unshare --mount --propagation private -- mount -t tmpfs -o ro,size=4k tmpfs "$probe" 2>/dev/null; then
  hide=1
  log "workers run in a mount namespace without the driver's ${DRIVER_ONLY[*]}"
else
  log "NOTE: no mount namespace here: the workers can see the driver's folders (executors still get no rehabmap.home)"
fi
rmdir "$probe"
hidden=""
for d in "${DRIVER_ONLY[@]}"; do [ -d "$REHABMAP_HOME/$d" ] && hidden="$hidden${hidden:+:}$REHABMAP_HOME/$d"; done

# --- the cluster -----------------------------------------------------------------------------------------------
# shellcheck disable=SC2086
daemon_cmd=(env -i "PATH=$PATH" "HOME=${HOME:-/root}" "JAVA_HOME=$JAVA_HOME" "SPARK_HOME=$SH" SPARK_SCALA_VERSION=2.13
            SPARK_LOCAL_IP=127.0.0.1 "$JAVA" $FLAGS $DAEMON_OPTS -cp "$SH/jars/*")

(cd "$W" && exec "${daemon_cmd[@]}" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0) \
  >"$W/logs/master.log" 2>&1 &
daemons+=($!)
# if this script is killed outright (no trap runs), the cluster must not outlive it
(while kill -0 $$ 2>/dev/null; do sleep 2; done; kill -KILL "${daemons[@]}" 2>/dev/null) >/dev/null 2>&1 &
watchdog=$!
await_line "$W/logs/master.log" "I have been elected leader" "${daemons[0]}" 120
MASTER_URL="$(grep -oE 'spark://127\.0\.0\.1:[0-9]+' "$W/logs/master.log" | head -1)"
MASTER_UI="http://127.0.0.1:$(sed -n "s/.*Successfully started service 'MasterUI' on port \([0-9]*\).*/\1/p" "$W/logs/master.log" | head -1)"
log "master $MASTER_URL (web UI $MASTER_UI), pid ${daemons[0]}"

for n in 1 2; do
  mkdir -p "$W/worker-$n"
  worker=("${daemon_cmd[@]}" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 --webui-port 0
          --cores 1 --memory "${SMOKE_WORKER_MEMORY:-2g}" --work-dir "$W/worker-$n" "$MASTER_URL")
  if [ "$hide" = 1 ]; then
    # shellcheck disable=SC2016
    (cd "$W/worker-$n" && HIDE="$hidden" exec unshare --mount --propagation private -- bash -c \
      'IFS=: read -ra ds <<<"$HIDE"; for d in "${ds[@]}"; do mount -t tmpfs -o ro,size=4k tmpfs "$d" || exit 97; done; exec "$@"' \
      hide "${worker[@]}") >"$W/logs/worker-$n.log" 2>&1 &
  else
    (cd "$W/worker-$n" && exec "${worker[@]}") >"$W/logs/worker-$n.log" 2>&1 &
  fi
  daemons+=($!)
done
kill "$watchdog" 2>/dev/null
(while kill -0 $$ 2>/dev/null; do sleep 2; done; kill -KILL "${daemons[@]}" 2>/dev/null) >/dev/null 2>&1 &
watchdog=$!
for n in 1 2; do await_line "$W/logs/worker-$n.log" "Successfully registered with master" "${daemons[$n]}" 120; done

# the master's JSON view: the workers as it sees them
curl -fsS "$MASTER_UI/json/" >"$W/logs/master.json" || fail "the master's JSON view at $MASTER_UI/json/"
awk -F'"' '/"id" : "worker-/ { id = $4 } /"host" :/ { host = $4 } /"port" :/ { port = $3 }
           /"cores" :/ { cores = $3 } /"memory" :/ { mem = $3 }
           /"state" :/ { gsub(/[^0-9]/, "", port); gsub(/[^0-9]/, "", cores); gsub(/[^0-9]/, "", mem)
                        print id, host ":" port, cores, mem, $4 }' "$W/logs/master.json" >"$W/workers.txt"
while read -r id addr cores mem state; do
  log "worker $id at $addr: $cores core(s), $mem MB, $state"
done <"$W/workers.txt"
[ "$(grep -c ' ALIVE$' "$W/workers.txt")" = 2 ] || fail "the master does not see two live workers ($MASTER_UI/json/)"

# --- run all on the cluster ------------------------------------------------------------------------------------
KEY="${REHABMAP_PSEUDO_KEY:-smoke-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')}"
export REHABMAP_PSEUDO_KEY="$KEY"
mkdir -p "$W/landing"
cp -R "$DELIVERY/." "$W/landing/"
export REHABMAP_WAREHOUSE_URL=   # no warehouse: the packs are enough to see publish work
run_args=(run all --env prod --landing "$W/landing" --as-of "$AS_OF")
# The local run goes beside the cluster run: both are mostly one driver thread planning and waiting, so side by
# side they finish minutes sooner than one after the other, and neither reads the other's lake.
log "running the same delivery locally (scripts/rehabmap, local[*]), beside the cluster run ..."
(
  t=$SECONDS
  rc=0
  REHABMAP_EXTRACTS="$W/extracts-local" REHABMAP_REPORTS="$W/reports-local" \
    "$REHABMAP_HOME/scripts/rehabmap" "${run_args[@]}" --lake "$W/lake-local" || rc=$?
  echo "$((SECONDS - t))" >"$W/local.seconds"
  exit "$rc"
) >"$W/logs/local.log" 2>&1 &
local_run=$!
kill "$watchdog" 2>/dev/null
(while kill -0 $$ 2>/dev/null; do sleep 2; done
 kill -KILL $(ps -o pid= --ppid "$local_run" 2>/dev/null) "$local_run" "${daemons[@]}" 2>/dev/null) >/dev/null 2>&1 &
watchdog=$!
log "submitting run all (env prod, as of $AS_OF) to $MASTER_URL with two executors ..."
t0=$SECONDS
REHABMAP_EXTRACTS="$W/extracts-cluster" REHABMAP_REPORTS="$W/reports-cluster" SPARK_LIB="$SH/jars" \
  DELTA_JARS="$DELTA_JARS" APP_JAR="$APP_JAR" \
  run_logged "$W/logs/driver.log" bash "$REHABMAP_HOME/scripts/submit.sh" --master "$MASTER_URL" \
    --total-executor-cores 2 --executor-cores 1 --executor-memory "${SMOKE_EXECUTOR_MEMORY:-1g}" \
    --conf spark.scheduler.minRegisteredResourcesRatio=1.0 --conf spark.scheduler.maxRegisteredResourcesWaitingTime=120s \
    -- "${run_args[@]}" --lake "$W/lake-cluster" || rc=$?
[ "${rc:-0}" = 0 ] || { tail -40 "$W/logs/driver.log"; fail "run all on the cluster (exit $rc)"; }
log "cluster run succeeded in $((SECONDS - t0)) s"
grep -E '^  (ingest|conform|curate|publish): .*\([0-9.]+ s\)$' "$W/logs/driver.log" | sed 's/^  /cluster-smoke:   on the cluster: /' || true

# the executors: the master launched them on the workers; each executor's own log counts the tasks it ran
mapfile -t launched < <(sed -nE 's/.*Launching executor ([^ ]+) on worker ([^ ]+).*/\1 \2/p' "$W/logs/master.log")
[ "${#launched[@]}" = 2 ] || fail "the master launched ${#launched[@]} executor(s), not 2: ${launched[*]:-none}"
workers_used=()
for e in "${launched[@]}"; do
  read -r exec_id worker_id <<<"$e"
  stderr_file="$(ls "$W"/worker-*/"${exec_id%/*}/${exec_id##*/}/stderr" 2>/dev/null | head -1)"
  tasks="$(grep -c 'Executor: Finished task' "$stderr_file" 2>/dev/null || true)"
  log "executor ${exec_id##*/} of ${exec_id%/*} on worker $worker_id ran ${tasks:-0} task(s)"
  [ "${tasks:-0}" -gt 0 ] || fail "executor $exec_id ran no task"
  workers_used+=("$worker_id")
done
[ "${workers_used[0]}" != "${workers_used[1]}" ] || fail "both executors ran on one worker"
stop_cluster

# --- the same delivery locally, started beside the cluster run --------------------------------------------------
rc=0
wait "$local_run" || rc=$?
local_run=
[ "$rc" = 0 ] || { tail -40 "$W/logs/local.log"; fail "run all locally (exit $rc)"; }
log "local run succeeded in $(cat "$W/local.seconds") s"

# --- every gold and silver table, row for row ----------------------------------------------------------------
tables() { (cd "$1" && for t in gold/* silver/*; do [ -d "$t/_delta_log" ] && echo "${t%%/*}.${t#*/}"; done); }
tables "$W/lake-cluster" >"$W/tables-cluster.txt"
tables "$W/lake-local" >"$W/tables-local.txt"
diff "$W/tables-cluster.txt" "$W/tables-local.txt" >/dev/null \
  || fail "the lakes hold different tables: $(diff "$W/tables-cluster.txt" "$W/tables-local.txt" | grep '^[<>]' | tr '\n' ' ')"
[ "$(grep -c '^gold\.' "$W/tables-local.txt")" -gt 0 ] || fail "no gold table"
query=""
while read -r t; do
  layer="${t%%.*}"
  name="${t#*.}"
  a="delta.\`$W/lake-cluster/$layer/$name\`"
  b="delta.\`$W/lake-local/$layer/$name\`"
  cols="*"
  # which run wrote a row (silver's lineage column) differs by design
  grep -qF '\"_run_id\"' "$W/lake-local/$layer/$name/_delta_log/"*.json && cols="* EXCEPT (_run_id)"
  query="$query${query:+ UNION ALL }SELECT '$t' AS table_name, (SELECT count(*) FROM $a) AS cluster_rows,"
  query="$query (SELECT count(*) FROM $b) AS local_rows,"
  query="$query (SELECT count(*) FROM (SELECT $cols FROM $a EXCEPT ALL SELECT $cols FROM $b)) AS only_cluster,"
  query="$query (SELECT count(*) FROM (SELECT $cols FROM $b EXCEPT ALL SELECT $cols FROM $a)) AS only_local"
done <"$W/tables-local.txt"
# env test: one shuffle partition, plenty for tables this small
run_logged "$W/logs/compare.log" "$REHABMAP_HOME/scripts/rehabmap" sql --env test --lake "$W/lake-local" --quiet \
  --format csv "$query" || { tail -20 "$W/logs/compare.log"; fail "the comparison query"; }
grep -E '^(gold|silver)\.' "$W/logs/compare.log" >"$W/compare.csv" || true
[ "$(wc -l <"$W/compare.csv")" = "$(wc -l <"$W/tables-local.txt")" ] || { cat "$W/logs/compare.log"; fail "the comparison printed no row for some table"; }
mismatch=0
while IFS=, read -r t nc nl oc ol; do
  if [ "$nc" = "$nl" ] && [ "$oc" = 0 ] && [ "$ol" = 0 ] && [ "$nl" -gt 0 ]; then
    log "same rows: $t ($nl)"
  else
    log "DIFFERENT: $t: cluster $nc rows, local $nl; $oc only on the cluster, $ol only locally"
    mismatch=1
  fi
done <"$W/compare.csv"
[ "$mismatch" = 0 ] || fail "the cluster's tables differ from the local run's"

# --- the key went to no log or output file ----------------------------------------------------------------------
leaks="$(grep -rlF -- "$KEY" "$W/logs" "$W"/worker-* "$W"/extracts-* "$W"/reports-* "$W"/lake-* 2>/dev/null || true)"
[ -z "$leaks" ] || fail "the pseudonym key appears in: $leaks"
log "the pseudonym key appears in no log, report, pack or lake file"

result=0
log "PASSED in $((SECONDS - started)) s: two workers, two executors, every gold and silver table equal to the local run"
