#!/usr/bin/env bash
# Connections opened before the start instant (issue 11): runs where every item is its connection's first request,
# so that a connect inside the measured window shows in every latency. Target on core 0, client on core 1.
# Usage: bench/first-requests.sh [REPS] [LOADGRID_DIR ...]   (default 3; each directory's ./loadgrid in turn, alternating)
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${1:-3}
shift || true
DIRS=("$@")
[ ${#DIRS[@]} -gt 0 ] || DIRS=("$PWD")
PORT=${PORT:-18091}
# a server left on the port from earlier would answer instead, with other settings: measure only our own
if (: <"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "bench: port $PORT is taken; stop what listens there or set PORT" >&2; exit 2
fi
taskset -c 0 ./loadgrid target --port "$PORT" >/dev/null 2>&1 &
TARGET=$!
trap 'kill $TARGET 2>/dev/null' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/get" >/dev/null 2>&1 && break; sleep 0.2; done
# a user's target is warm: one closed run first
taskset -c 1 ./loadgrid run --url "http://127.0.0.1:$PORT/get?i={i}" --urls 20000 --concurrency 50 >/dev/null 2>&1
json=$(mktemp)
for model in threads async; do
  for rep in $(seq "$REPS"); do
    for dir in "${DIRS[@]}"; do
      (cd "$dir" && taskset -c 1 ./loadgrid run --model "$model" --concurrency 50 --urls 50 \
          --url "http://127.0.0.1:$PORT/get?i={i}" --json "$json" >/dev/null 2>&1)
      python3 -c "import json; r=json.load(open('$json')); l=r['latency_us']; print('$model rep $rep, $dir: p50 %.1f ms, p99 %.1f ms, prewarmed %s' % (l['p50']/1e3, l['p99']/1e3, r['parameters']['prewarmed']))"
    done
  done
done
rm -f "$json"
