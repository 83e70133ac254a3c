#!/usr/bin/env bash
# Microbenchmarks of what loadgrid spends per item outside the HTTP client (issue 13): the hand-out and record path,
# histogram records, URL generation, byte counting (bench/jmh/src). Fetches JMH 1.37 with Maven, compiles against
# the jars ./loadgrid builds, runs on core 1 (taskset) when there is one. Arguments go to JMH, e.g. a regex of
# benchmarks: bench/jmh.sh 'record.*'    (about 2 minutes for all, 1 fork, 3 + 5 iterations of 1 s each)
set -euo pipefail
cd "$(dirname "$0")/.."
./loadgrid build >/dev/null
JAVA_BIN="$(./loadgrid java-home)/bin"
OUT=build/jmh
rm -rf "$OUT/classes" && mkdir -p "$OUT/classes"
mvn -q -B -f bench/jmh/pom.xml dependency:copy-dependencies -DoutputDirectory="$PWD/$OUT/lib" >"$OUT/mvn.log" 2>&1 \
  || { echo "bench: fetching JMH failed, see $OUT/mvn.log" >&2; exit 1; }
CP="build/lib/*:$OUT/lib/*"
PROC=$(find "$OUT/lib" -name '*.jar' | tr '\n' ':') # a processor path takes no wildcard
"$JAVA_BIN/javac" --release 21 -proc:full -cp "$CP" -processorpath "$PROC" \
  -d "$OUT/classes" $(find bench/jmh/src -name '*.java')
PIN=()
[ "$(nproc)" -gt 1 ] && command -v taskset >/dev/null && PIN=(taskset -c 1)
exec ${PIN[@]+"${PIN[@]}"} "$JAVA_BIN/java" -cp "$OUT/classes:$CP" org.openjdk.jmh.Main "$@"
