#!/usr/bin/env bash
# What one lease and one commit cost on a run's chunk book: the book kept as an object changed in place (as runs keep
# it) against the earlier JSON text decoded and encoded per operation, with 0, 256 and 4096 chunks held.
# Usage: bench/book-ops.sh [OPS=20000]   (after ./loadgrid build; compiles the test classes)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(./loadgrid java-home)"; export JAVA_HOME
[ -d build/lib ] || ./loadgrid build
mvn -q -B -o test-compile -pl common -Dquick >/dev/null
exec taskset -c 1 "$JAVA_HOME/bin/java" -Xmx1g -XX:+UseParallelGC -cp "build/lib/*:common/target/test-classes" \
  io.loadgrid.common.cluster.BookBench "${1:-20000}"
