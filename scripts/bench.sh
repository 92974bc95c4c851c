#!/usr/bin/env bash
# rehabmap benchmark (docs/benchmarks.md): how fast a night's run is, how its cost grows with the
# data, and how it compares with a plain Spark job (the floor) and with DuckDB on the same files.
#
#   scripts/bench.sh [--scales 0.1,1,5] [--runs 3] [--seed 42] [--out DIR] [--work DIR]
#                    [--phases full,night,curate,floor,duckdb] [--wait-load 2.5 --max-wait 2400]
#                    [--event-logs] [--keep] [--tiny]
#
# For each scale it generates a landing zone (`rehabmap generate`), then for each run, every
# command timed with /usr/bin/time (wall clock including JVM start, CPU, peak RSS):
#   full    `run all` on an empty lake
#   night   `run all` again after one new day of HNA concerns and one new provider return
#   curate  `run curate` alone on that lake, as of the next day (so it rebuilds gold, not finds it current)
#   floor   org.rehabmap.bench.FloorJob: the same landing CSVs → Delta with no rules
#   duckdb  org.rehabmap.bench.DuckDbIndicators: the two key indicators with DuckDB
# In the first run of each scale, DuckDB's indicators are checked against gold.benchmarks
# (org.rehabmap.bench.GoldCheck, to 1e-9) after the full run and again after the night.
# Results: DIR/raw.csv (one row per command), summary.csv, results.md, time-vs-scale.svg,
# machine.txt and logs/; the results table is printed at the end.
#
# --tiny: scale 0.01, one run of full, floor and duckdb (with the check after the full run),
# results under the work folder: what the test suite runs.
# BENCH_CLASSPATH, when set, is used as is for every java command and nothing is built.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SCALES="0.1,1,5"
RUNS=3
SEED=42
AS_OF=2025-06-30
OUT=""
WORK=""
TINY=0
KEEP=0
WAIT_LOAD=""
MAX_WAIT=2400
EVENT_LOGS=0
PHASES="full,night,curate,floor,duckdb"
usage() { sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --scales) SCALES="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --phases) PHASES="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --wait-load) WAIT_LOAD="$2"; shift 2 ;;
    --max-wait) MAX_WAIT="$2"; shift 2 ;;
    --event-logs) EVENT_LOGS=1; shift ;;
    --keep) KEEP=1; shift ;;
    --tiny) TINY=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
if [ "$TINY" = 1 ]; then
  SCALES="0.01"
  RUNS=1
  PHASES="full,floor,duckdb"
fi
has_phase() { case ",$PHASES," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
has_phase full || { echo "bench: --phases must include full (the other phases build on its lake)" >&2; exit 2; }
case "$RUNS" in ''|*[!0-9]*|0) echo "bench: --runs must be a positive whole number" >&2; exit 2 ;; esac

spark_local_ip

WORK="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/rehabmap-bench.XXXXXX")}"
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
if [ -z "$OUT" ]; then
  if [ "$TINY" = 1 ]; then OUT="$WORK/results"; else OUT="$REHABMAP_HOME/bench/results/$(date -u +%Y%m%dT%H%M%SZ)"; fi
fi
mkdir -p "$OUT/logs"
OUT="$(cd "$OUT" && pwd)"
cleanup() { if [ "$KEEP" = 0 ]; then rm -rf "$WORK/run" "$WORK"/landing-* "$WORK"/night-*; fi; }
trap cleanup EXIT

# ---------------------------------------------------------------- build what it needs
if [ -n "${BENCH_CLASSPATH:-}" ]; then
  PRODUCT_CP="$BENCH_CLASSPATH"
  BENCH_CP="$BENCH_CLASSPATH"
else
  # the product (jobs/) and the tools' own module (bench/, with the DuckDB driver in bench/target/lib)
  echo "bench: building rehabmap and the benchmark tools (mvn -pl bench -am package) ..." >&2
  (cd "$REHABMAP_HOME" && mvn -B -q -DskipTests -pl bench -am package >&2)
  PRODUCT_CP="$REHABMAP_CP"
  BENCH_CP="$PRODUCT_CP:$REHABMAP_HOME/bench/target/rehabmap-bench.jar:$REHABMAP_HOME/bench/target/lib/*"
fi
# the launcher's own command line (scripts/rehabmap): the module flags of pom.xml and its JVM options
JAVA_OPTS="$(java_opts -Xmx4g)"
if [ "$EVENT_LOGS" = 1 ]; then
  mkdir -p "$OUT/spark-events"
  export REHABMAP_SPARK_EVENTLOG="$OUT/spark-events"
fi
EVENT_OPTS=()
[ "$EVENT_LOGS" = 1 ] && EVENT_OPTS=(-Dspark.eventLog.enabled=true "-Dspark.eventLog.dir=$REHABMAP_SPARK_EVENTLOG")
# shellcheck disable=SC2206
JVM=("$JAVA" $SPARK_JVM_FLAGS $JAVA_OPTS -Drehabmap.home="$REHABMAP_HOME")
REHABMAP=("${JVM[@]}" "${EVENT_OPTS[@]}" -cp "$PRODUCT_CP" org.rehabmap.cli.Main)
TOOL=("${JVM[@]}" -cp "$BENCH_CP")

# ---------------------------------------------------------------- the machine
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "host: $(hostname)"
  echo "nproc: $(nproc)"
  echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
  echo "java: $("$JAVA" -version 2>&1 | head -1)"
  echo "jvm options: $JAVA_OPTS"
  echo "commit: $(git -C "$REHABMAP_HOME" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$REHABMAP_HOME" status --porcelain 2>/dev/null | grep -q . && echo ' (with uncommitted changes)')"
  echo "scales: $SCALES; runs: $RUNS; phases: $PHASES; seed: $SEED; as-of: $AS_OF"
  echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/machine.txt"

RAW="$OUT/raw.csv"
echo "scale,phase,run,wall_s,user_s,sys_s,max_rss_kb,rows,load1,exit,started_at" > "$RAW"

# timed SCALE PHASE RUN ROWS_FN -- command...: runs the command under /usr/bin/time, logs its
# output to logs/, appends a row to raw.csv; ROWS_FN LOGPREFIX prints the rows it handled.
timed() {
  local scale="$1" phase="$2" run="$3" rowsfn="$4"; shift 5
  local log="$OUT/logs/s${scale}-${phase}-r${run}"
  local load1 started rc=0 wall user sys rss rows
  load1="$(cut -d' ' -f1 /proc/loadavg)"
  started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %U %S %M' -o "$log.time" "$@" > "$log.out" 2> "$log.err" || rc=$?
    read -r wall user sys rss < <(tail -1 "$log.time")
  else
    local t0 t1
    t0="$(date +%s.%N)"
    "$@" > "$log.out" 2> "$log.err" || rc=$?
    t1="$(date +%s.%N)"
    wall="$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}')"; user=0; sys=0; rss=0
  fi
  rows="$($rowsfn "$log" 2>/dev/null || echo 0)"
  echo "$scale,$phase,$run,$wall,$user,$sys,$rss,${rows:-0},$load1,$rc,$started" >> "$RAW"
  printf 'bench: scale %-5s %-8s run %d: %7.1f s wall, %6.1f s CPU, %5d MB peak, load %s%s\n' "$scale" "$phase" "$run" "$wall" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')" "$((rss / 1024))" "$load1" "$([ "$rc" = 0 ] || echo ", FAILED (exit $rc, see $log.err)")" >&2
  return 0
}

# rows read by ingest, from the reconciliation table a run prints (all files in the ledger)
ledger_read() { awk '$3 ~ /^(conformed|loaded|rejected|duplicate)$/ && $4 ~ /^[0-9]+$/ {n += $4} END {print n + 0}' "$1.out"; }
ledger_accepted() { awk '$3 ~ /^(conformed|loaded|rejected|duplicate)$/ && $5 ~ /^[0-9]+$/ {n += $5} END {print n + 0}' "$1.out"; }
# curate reads silver: the rows accepted so far (its own output has no reconciliation of them)
SILVER_ROWS=0
silver_rows() { echo "$SILVER_ROWS"; }
floor_rows() { sed -n 's/^rows=//p' "$1.out"; }
duckdb_rows() { sed -n 's/^duckdb: \([0-9]*\) HNA and \([0-9]*\) workforce rows.*/\1 \2/p' "$1.err" | awk '{print $1 + $2}'; }
no_rows() { echo 0; }
# the night's reconciliation lists only the files that run read
night_rows() { ledger_read "$1"; }

# one new day of HNA concerns (the last day of the latest month, re-dated to the next day with
# new assessment ids) and one provider's return for the next quarter, from the generated files
make_night() {
  local src="$1" dst="$2"
  mkdir -p "$dst/hna_concerns" "$dst/provider_returns"
  local month prefix day next_day
  month="$(find "$src/hna_concerns" -name 'ehna_[0-9][0-9][0-9][0-9]_[0-9][0-9].csv' | sort | tail -1)"
  prefix="$(basename "$month" .csv | sed 's/^ehna_\([0-9]*\)_\([0-9]*\)$/\1-\2-/')"
  day="$(awk -F, -v p="$prefix" 'NR > 1 && index($3, p) == 1 && length($3) == 10 && $3 > d {d = $3} END {print d}' "$month")"
  next_day="$(date -u -d "$day + 1 day" +%Y-%m-%d)"
  awk -F, -v OFS=, -v day="$day" -v next_day="$next_day" \
    'NR == 1 {print; next} $3 == day {$1 = "N" $1; $3 = next_day; print}' "$month" > "$dst/hna_concerns/ehna_${next_day//-/_}.csv"
  local q code period next
  q="$(find "$src/provider_returns" -name 'returns_[0-9][0-9][0-9][0-9]_q[1-4].csv' | sort | tail -1)"
  code="$(sed -n 2p "$q" | cut -d, -f2)"
  period="$(sed -n 2p "$q" | cut -d, -f1)"
  if [ "${period#*-Q}" = 4 ]; then next="$(( ${period%-Q*} + 1 ))-Q1"; else next="${period%-Q*}-Q$(( ${period#*-Q} + 1 ))"; fi
  awk -F, -v code="$code" -v period="$period" -v next_period="$next" \
    'NR == 1 {print; next} $1 == period && $2 == code {print next_period substr($0, length(period) + 1)}' \
    "$q" > "$dst/provider_returns/returns_$(echo "$next" | tr "A-Z-" "a-z_")_${code}.csv"
}

wait_quiet() {
  [ -n "$WAIT_LOAD" ] || return 0
  local waited=0
  while awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v max="$WAIT_LOAD" 'BEGIN {exit !(l >= max)}'; do
    if [ "$waited" -ge "$MAX_WAIT" ]; then
      echo "bench: load $(cut -d' ' -f1 /proc/loadavg) still ≥ $WAIT_LOAD after ${waited}s; measuring anyway (the load is recorded)" >&2
      return 0
    fi
    sleep 20; waited=$((waited + 20))
  done
}

# DuckDB computes the key indicators from the landing files as they are now ($L), and GoldCheck
# compares them with the lake's gold.benchmarks ($K); a difference marks the whole bench failed (3)
check_gold() {
  local phase="$1" tag="$2" after="$3" err="$OUT/logs/s${scale}-check-$1.err"
  "${TOOL[@]}" org.rehabmap.bench.DuckDbIndicators --landing "$L" --reference "$REHABMAP_HOME/data/reference" --as-of "$AS_OF" \
    --out "$OUT/duckdb-$scale-$phase.csv" 2> "$err" \
    && "${TOOL[@]}" org.rehabmap.bench.GoldCheck --lake "$K" --expected "$OUT/duckdb-$scale-$phase.csv" --out "$OUT/check-$scale-$tag.json" \
      2>> "$err" || { STATUS=3; echo "bench: DuckDB and gold.benchmarks differ after $after (scale $scale): $err" >&2; }
}

# ---------------------------------------------------------------- the runs
IFS=',' read -r -a SCALE_LIST <<< "$SCALES"
STATUS=0
for scale in "${SCALE_LIST[@]}"; do
  landing="$WORK/landing-$scale"
  if [ ! -d "$landing" ]; then
    timed "$scale" generate 1 no_rows -- "${REHABMAP[@]}" generate --scale "$scale" --seed "$SEED" --out "$landing"
  fi
  make_night "$landing" "$WORK/night-$scale"
  for run in $(seq 1 "$RUNS"); do
    wait_quiet
    rm -rf "$WORK/run"; mkdir -p "$WORK/run"
    L="$WORK/run/landing"; K="$WORK/run/lake"
    # packs and run reports of benchmark runs stay in the work folder, not the project's extracts/ and reports/
    export REHABMAP_EXTRACTS="$WORK/run/extracts" REHABMAP_REPORTS="$WORK/run/reports"
    cp -al "$landing" "$L" 2>/dev/null || cp -a "$landing" "$L"

    timed "$scale" full "$run" ledger_read -- "${REHABMAP[@]}" run all --landing "$L" --lake "$K" --as-of "$AS_OF"
    SILVER_ROWS="$(ledger_accepted "$OUT/logs/s${scale}-full-r${run}")"
    if [ "$run" = 1 ]; then
      check_gold full 1_full "the full run"
    fi

    if has_phase night; then
      cp -a "$WORK/night-$scale/." "$L/"
      timed "$scale" night "$run" night_rows -- "${REHABMAP[@]}" run all --landing "$L" --lake "$K" --as-of "$AS_OF"
      SILVER_ROWS="$(ledger_accepted "$OUT/logs/s${scale}-night-r${run}")"
      if [ "$run" = 1 ]; then
        check_gold night 2_night "the night"
      fi
    fi

    if has_phase curate; then
      # a day later: gold's inputs fingerprint changes, so curate rebuilds every gold table rather than
      # finding them up to date (the same silver, the same work a night's curate does)
      timed "$scale" curate "$run" silver_rows -- "${REHABMAP[@]}" run curate --landing "$L" --lake "$K" --as-of "$(date -u -d "$AS_OF + 1 day" +%Y-%m-%d)"
    fi
    if has_phase floor; then
      timed "$scale" floor "$run" floor_rows -- "${TOOL[@]}" org.rehabmap.bench.FloorJob --landing "$landing" --out "$WORK/run/floor"
    fi
    if has_phase duckdb; then
      timed "$scale" duckdb "$run" duckdb_rows -- "${TOOL[@]}" org.rehabmap.bench.DuckDbIndicators --landing "$landing" \
        --reference "$REHABMAP_HOME/data/reference" --as-of "$AS_OF" --out "$WORK/run/duckdb.csv"
    fi
  done
  rm -rf "$WORK/run"
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"

"${TOOL[@]}" org.rehabmap.bench.BenchReport --dir "$OUT" --machine "$(tr '\n' ';' < "$OUT/machine.txt" | sed 's/;/; /g')"
if grep -q ',[1-9][0-9]*,[^,]*$' "$RAW"; then
  echo "bench: some commands failed (exit code in raw.csv, logs in $OUT/logs)" >&2
  STATUS=1
fi
echo "bench: results in $OUT" >&2
exit "$STATUS"
