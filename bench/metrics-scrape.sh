#!/usr/bin/env bash
# What a long-lived coordinator's /metrics costs at its retention cap: heap held and time per scrape.
# Usage: bench/metrics-scrape.sh [CELLS_PER_SWEEP=12] [AGENTS=4]   (after ./loadgrid build; compiles the test classes)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(./loadgrid java-home)"; export JAVA_HOME
[ -d build/lib ] || ./loadgrid build
mvn -q -B -o test-compile -pl coordinator -am >/dev/null
exec taskset -c 1 "$JAVA_HOME/bin/java" -Xmx2g -XX:+UseParallelGC -cp "build/lib/*:coordinator/target/test-classes" \
  io.loadgrid.coordinator.export.ScrapeBench "${1:-12}" "${2:-4}"
