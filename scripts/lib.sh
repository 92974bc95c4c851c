# shellcheck shell=bash
# Sourced (never run) by the scripts that start rehabmap's JVMs or build them, so each starts them the same way:
#
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Sets REHABMAP_HOME and JAVA_HOME (both exported), JAVA, the product's REHABMAP_JAR, REHABMAP_LIB and
# REHABMAP_CP (jar + lib/*), SPARK_JVM_FLAGS and JIT_FLAGS from pom.xml; defines pom_property, java_opts,
# spark_local_ip and build_if_stale. Works under set -e and without it; changes no shell option.

REHABMAP_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REHABMAP_HOME

# Spark 4 runs on Java 17 here; the other JDK on these machines (Temurin 25) breaks Hadoop. Exported so the
# Maven builds the scripts start compile with it too.
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/java ]; then
  JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi
export JAVA_HOME
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# The product as the local build leaves it: the jar and lib/ of its runtime dependencies.
REHABMAP_JAR="$REHABMAP_HOME/jobs/target/rehabmap.jar"
REHABMAP_LIB="$REHABMAP_HOME/jobs/target/lib"
REHABMAP_CP="$REHABMAP_JAR:$REHABMAP_LIB/*"

# pom_property NAME: a <properties> value of the root pom.xml, the one list the tests' JVMs use as well.
pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$REHABMAP_HOME/pom.xml"; }
# the module flags Spark's own launcher would add (a plain java launch must pass them itself)
SPARK_JVM_FLAGS="$(pom_property spark.jvm.flags)"
# the JIT options of a product JVM (why: the comment on the property in pom.xml)
JIT_FLAGS="$(pom_property rehabmap.jit.flags)"

# java_opts HEAP: the heap size and JIT options of a rehabmap JVM; REHABMAP_JAVA_OPTS replaces both.
java_opts() { printf '%s\n' "${REHABMAP_JAVA_OPTS:-$1 $JIT_FLAGS}"; }

# Spark binds the driver to loopback: a local run needs no network. Not for a cluster master, whose
# executors must reach the driver, hence a function rather than done on sourcing.
spark_local_ip() { export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"; }

# build_if_stale WHO: builds the product (jar and lib/, not the bench tools) on first use or when its sources
# or poms are newer than the jar; WHO prefixes the messages. Returns 2 when the build fails.
build_if_stale() {
  if [ -f "$REHABMAP_JAR" ] && [ -d "$REHABMAP_LIB" ] \
    && [ -z "$(find "$REHABMAP_HOME/jobs/src/main" "$REHABMAP_HOME/pom.xml" "$REHABMAP_HOME/jobs/pom.xml" \
      -newer "$REHABMAP_JAR" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  echo "$1: building the jar (first use, or the sources changed) ..." >&2
  if ! (cd "$REHABMAP_HOME" && mvn -q -B -DskipTests -pl jobs package >&2); then
    echo "$1: the build failed (see the Maven output above)" >&2
    return 2
  fi
  # Maven leaves an unchanged jar's date alone: after a change to a pom alone the jar would stay older than
  # the pom, and every later start would build again.
  touch "$REHABMAP_JAR"
}
