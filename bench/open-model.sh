#!/usr/bin/env bash
# Open-model truth on several senders (issue 11): the reproduction commands, each run REPS times, printed as
# corrected p50/p99 and uncorrected p50; then a 1 s CPU-bound run's busiest-thread and process CPU.
# Usage: bench/open-model.sh [REPS]   (all traffic to a target this script starts on 127.0.0.1; each run is bounded)
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${1:-2}
PORT=${PORT:-18090}
# a server left on the port from earlier would answer instead, with other settings: measure only our own
if (: <"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "bench: port $PORT is taken; stop what listens there or set PORT" >&2; exit 2
fi
./loadgrid target --port "$PORT" --latency 100 >/dev/null 2>&1 &
TARGET=$!
trap 'kill $TARGET 2>/dev/null' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/get" >/dev/null 2>&1 && break; sleep 0.2; done
# a user's target is warm: one closed run first
./loadgrid run --base "http://127.0.0.1:$PORT" --urls 4000 --concurrency 100 >/dev/null 2>&1
json=$(mktemp)
lat() { python3 -c "import json; r=json.load(open('$json')); l=r['latency_us']; u=r['latency_uncorrected_us']; print('corrected p50 %.1f ms, p99 %.1f ms; uncorrected p50 %.1f ms; %d ok' % (l['p50']/1e3, l['p99']/1e3, u['p50']/1e3, r['ok']))"; }
for rep in $(seq "$REPS"); do
  for senders in "--agents 2 --split dynamic --model async --concurrency 50" "--agents 2 --split static --model async --concurrency 50" \
                 "--model multiprocess --processes 2 --concurrency 100"; do
    # shellcheck disable=SC2086 # the sender options are words
    ./loadgrid run $senders --rate 800 --duration 10s --base "http://127.0.0.1:$PORT" --json "$json" >/dev/null 2>&1
    echo "rep $rep, $senders, 800/s for 10 s: $(lat)"
  done
  ./loadgrid run --model sync --workload sqrt-sum --iterations 20000 --duration 1s --json "$json" >/dev/null 2>&1
  python3 -c "import json; r=json.load(open('$json')); print('rep $rep, sync sqrt-sum for 1 s: busiest thread %.1f%%, process %.1f%% of one core' % (r['busiest_thread_pct'], r['cpu_process_pct']['avg']))"
done
rm -f "$json"
