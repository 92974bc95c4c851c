#!/usr/bin/env bash
# Runs a rehabmap command on a cluster through spark-submit, from the application jar that
#   mvn -B -Pcluster -DskipTests package
# builds (jobs/target/rehabmap-cluster.jar: our code and libraries, Spark/Delta/Scala left to the cluster).
# There is no Spark distribution here: spark-submit is the class org.apache.spark.deploy.SparkSubmit
# inside spark-core, started with plain java.
#
#   scripts/submit.sh --master yarn [--deploy-mode cluster] [more spark-submit options] -- run all --env prod
#   scripts/submit.sh --master k8s://https://<api-server>:6443 --deploy-mode cluster \
#       --conf spark.kubernetes.container.image=<image> -- run all --env prod
#   scripts/submit.sh --master spark://<master>:7077 --total-executor-cores 8 -- run all --env prod   (standalone)
#   scripts/submit.sh --master 'local[2]' -- run all          (a local smoke test of the cluster jar)
# scripts/cluster-smoke.sh runs it against a real standalone master and two workers on this machine.
#
# Everything before "--" goes to spark-submit; everything after it is the rehabmap command.
# Environment:
#   SPARK_LIB   folder of the Spark jars the submitting JVM uses (default jobs/target/lib, the local build's).
#               YARN needs spark-yarn_2.13 there, Kubernetes spark-kubernetes_2.13 (docs/operations.md).
#   APP_JAR     the application jar (default jobs/target/rehabmap-cluster.jar; built when missing or older than
#               the sources, as scripts/rehabmap does for its jar)
#   DELTA_JARS  comma-separated Delta jars shipped with --jars (default: delta-spark and delta-storage from
#               SPARK_LIB); set it empty when the cluster has Delta already
# conf/, data-contracts/ and data/reference/ go with the job as an archive (--archives), so the driver finds
# them in cluster deploy mode too. Exit code: spark-submit's (in client mode, the rehabmap command's).
# REHABMAP_PSEUDO_KEY stays in the driver's environment: it is never made an executor variable or a Spark property
# (both are shown by the Spark UI and written to event logs); executors get what they need inside the job.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
APP_JAR="${APP_JAR:-$REHABMAP_HOME/jobs/target/rehabmap-cluster.jar}"
SPARK_LIB="${SPARK_LIB:-$REHABMAP_LIB}"

submit_opts=()
app_args=()
seen_sep=0
for a in "$@"; do
  if [ "$seen_sep" = 0 ] && [ "$a" = "--" ]; then seen_sep=1; continue; fi
  if [ "$seen_sep" = 0 ]; then submit_opts+=("$a"); else app_args+=("$a"); fi
done
if [ "$seen_sep" = 0 ] || [ "${#app_args[@]}" = 0 ]; then
  echo "usage: scripts/submit.sh --master yarn|k8s://...|local[N] [spark-submit options] -- <rehabmap command>" >&2
  exit 2
fi
case " ${submit_opts[*]} " in *" --master "*|*" --master="*) ;; *) echo "submit.sh: --master is required" >&2; exit 2 ;; esac
deploy_mode=client
master=
for ((i = 0; i < ${#submit_opts[@]}; i++)); do
  case "${submit_opts[$i]}" in
    --master) master="${submit_opts[$((i + 1))]:-}" ;;
    --master=*) master="${submit_opts[$i]#--master=}" ;;
    --deploy-mode) deploy_mode="${submit_opts[$((i + 1))]:-client}" ;;
    --deploy-mode=*) deploy_mode="${submit_opts[$i]#--deploy-mode=}" ;;
  esac
done

app_jar_stale() {
  [ ! -f "$APP_JAR" ] && return 0
  # only the jar this project builds can be stale; an APP_JAR from elsewhere is taken as it is
  [ "$APP_JAR" = "$REHABMAP_HOME/jobs/target/rehabmap-cluster.jar" ] || return 1
  [ -n "$(find "$REHABMAP_HOME/jobs/src/main" "$REHABMAP_HOME/pom.xml" "$REHABMAP_HOME/jobs/pom.xml" -newer "$APP_JAR" -print -quit 2>/dev/null)" ]
}
if app_jar_stale; then
  echo "submit.sh: building $APP_JAR (mvn -Pcluster) ..." >&2
  (cd "$REHABMAP_HOME" && mvn -q -B -Pcluster -DskipTests -pl jobs package >&2) || { echo "submit.sh: the build failed" >&2; exit 2; }
fi
if [ ! -d "$SPARK_LIB" ] || ! ls "$SPARK_LIB"/spark-core_*.jar >/dev/null 2>&1; then
  echo "submit.sh: no Spark jars in $SPARK_LIB (set SPARK_LIB, or run: mvn -B -DskipTests package)" >&2
  exit 2
fi
if [ -z "${DELTA_JARS+set}" ]; then
  DELTA_JARS="$(ls "$SPARK_LIB"/delta-spark_*.jar "$SPARK_LIB"/delta-storage-*.jar 2>/dev/null | paste -sd, -)"
fi

# The project files the driver reads (configuration, contracts, reference data), as one archive.
HOME_ZIP="$REHABMAP_HOME/jobs/target/rehabmap-home.zip"
(cd "$REHABMAP_HOME" && rm -f "$HOME_ZIP" && jar cMf "$HOME_ZIP" conf data-contracts data/reference)

if [ "$deploy_mode" = cluster ]; then
  home_on_driver="rehabmap-home"   # the unpacked --archives folder in the driver's working directory
else
  home_on_driver="$REHABMAP_HOME"  # client mode: the driver is this JVM
fi
# Spark's generated methods for the wide gold tables exceed HotSpot's 8000-byte limit and would run
# interpreted on every JVM that executes them (pom.xml rehabmap.jit.flags)
HUGE="-XX:-DontCompileHugeMethods"
extra=(--archives "$HOME_ZIP#rehabmap-home"
       --conf "spark.driver.extraJavaOptions=$SPARK_JVM_FLAGS $HUGE -Drehabmap.home=$home_on_driver"
       --conf "spark.executor.extraJavaOptions=$SPARK_JVM_FLAGS $HUGE"
       --conf "spark.yarn.appMasterEnv.REHABMAP_HOME=$home_on_driver"
       --conf "spark.kubernetes.driverEnv.REHABMAP_HOME=$home_on_driver")
[ -n "$DELTA_JARS" ] && extra+=(--jars "$DELTA_JARS")

# a local master needs no network; on a cluster the executors must reach the driver, so leave it alone
case "$master" in local*) spark_local_ip ;; esac
# our log4j2 configuration (stderr only, quiet Spark): SparkSubmit starts logging before the app jar is loaded
# shellcheck disable=SC2046,SC2086
exec "$JAVA" $SPARK_JVM_FLAGS $(java_opts -Xmx2g) -Drehabmap.home="$REHABMAP_HOME" \
  -Dlog4j2.configurationFile="$REHABMAP_HOME/jobs/src/main/resources/log4j2.properties" -cp "$SPARK_LIB/*" \
  org.apache.spark.deploy.SparkSubmit --class org.rehabmap.cli.Main "${extra[@]}" "${submit_opts[@]}" "$APP_JAR" "${app_args[@]}"
