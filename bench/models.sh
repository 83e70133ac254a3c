#!/usr/bin/env bash
# Each model's throughput on the seed stream, at 10k and 100k URLs, in one sitting.
# The target runs pinned to core 0, the generator (and any worker JVMs it starts) to core 1.
# Reports the median of RUNS runs of req/s and of the client's CPU-seconds per 100k requests (GNU time).
# Usage: bench/models.sh [SIZES] [RUNS]    e.g. bench/models.sh "10000 100000" 3
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${1:-"10000 100000"}
RUNS=${2:-3}
PORT=${PORT:-18080}
OUT=${OUT:-bench/results/models-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
./loadgrid build >/dev/null

taskset -c 0 ./loadgrid target --port "$PORT" > "$OUT/target.log" 2>&1 &
TARGET=$!
trap 'kill $TARGET 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/stats" >/dev/null && break; sleep 0.2; done

# name|arguments
MODELS=(
  "sync|--model sync"
  "threads-100|--model threads --concurrency 100"
  "virtual-100|--model virtual --concurrency 100"
  "async-100|--model async --concurrency 100"
  "hybrid-10x100|--model hybrid --threads 10 --concurrency 100"
  "multiprocess-2x100|--model multiprocess --processes 2 --concurrency 100"
)

one() { # label size args... -> prints "req_per_s cpu_s"
  local label=$1 size=$2; shift 2
  local json="$OUT/$label-$size-$RANDOM.json"
  /usr/bin/time -f "%U %S" -o "$OUT/time.txt" taskset -c 1 ./loadgrid run --base "http://127.0.0.1:$PORT" --urls "$size" --json "$json" "$@" > /dev/null
  local rps cpu
  rps=$(python3 -c "import json,sys; print(json.load(open('$json'))['req_per_s'])")
  cpu=$(awk '{print $1+$2}' "$OUT/time.txt")
  echo "$rps $cpu"
}

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# warm-up: the target's JIT, the page cache, the jars
one warmup 20000 --model async >/dev/null

printf "| model | URLs | req/s (median of %d) | client CPU-s per 100k req |\n|---|---:|---:|---:|\n" "$RUNS" | tee "$OUT/summary.md"
for size in $SIZES; do
  for entry in "${MODELS[@]}"; do
    label=${entry%%|*}; args=${entry#*|}
    # sync at 100k takes minutes on its own: one run of it is enough to place it
    runs=$RUNS; [ "$label" = sync ] && [ "$size" -gt 10000 ] && runs=1
    : > "$OUT/samples"
    for _ in $(seq "$runs"); do one "$label" "$size" $args >> "$OUT/samples"; done
    rps=$(cut -d' ' -f1 "$OUT/samples" | median)
    cpu=$(cut -d' ' -f2 "$OUT/samples" | median)
    per100k=$(python3 -c "print(f'{$cpu * 100000 / $size:.1f}')")
    printf "| %s | %s | %s | %s |\n" "$label" "$size" "$rps" "$per100k" | tee -a "$OUT/summary.md"
  done
done
echo "results in $OUT"
