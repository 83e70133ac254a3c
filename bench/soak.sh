#!/usr/bin/env bash
# Soak (issue 14): SOAK_S seconds of mixed load through one long-lived coordinator and two long-lived agents on
# loopback: sweeps of open (fixed-rate) and closed (fixed-concurrency) cells across four models, back to back, with
# the target killed and started again half-way. Every 10 s the RSS and open descriptors of every process are sampled;
# at the end, per process, the slope after WARM_S (least squares, per minute), the live heap after a full GC at
# WARM_S and at the end, and every run's items checked: none missing, and where the target's counts cover the run,
# as many requests as items. The mix leaves out the multiprocess model, whose worker JVMs live one run each.
# Usage: bench/soak.sh      knobs: SOAK_S (600) WARM_S (120) PORT (18097) HZ (5811) METRICS (9481)
set -euo pipefail
cd "$(dirname "$0")/.."
SOAK_S=${SOAK_S:-600}
WARM_S=${WARM_S:-120}
PORT=${PORT:-18097}
HZ=${HZ:-5811}
METRICS=${METRICS:-9481}
OUT=${OUT:-bench/results/soak-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT/sweeps"
command -v python3 >/dev/null || { echo "bench: needs python3" >&2; exit 2; }
command -v curl >/dev/null || { echo "bench: needs curl" >&2; exit 2; }
./loadgrid build >/dev/null

head -c 32 /dev/urandom | base64 >"$OUT/secret"
CLUSTER=(--cluster-name soak --secret-file "$OUT/secret")
PIDS=()
cleanup() { for p in "${PIDS[@]}" ${TARGET:-}; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'exit 130' INT TERM

start_target() {
  ./loadgrid target --port "$PORT" >>"$OUT/target.log" 2>&1 &
  TARGET=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/get" >/dev/null 2>&1 && return; sleep 0.1; done
  echo "bench: the target did not start" >&2; exit 1
}
start_target
for i in 1 2; do
  ./loadgrid agent --join "127.0.0.1:$HZ" --port "$HZ" "${CLUSTER[@]}" --allow-target 127.0.0.1 \
    >"$OUT/agent$i.log" 2>&1 &
  PIDS+=($!)
  sleep 3
done
./loadgrid coordinator --join "127.0.0.1:$HZ" --port $((HZ + 40)) "${CLUSTER[@]}" --metrics-port "$METRICS" \
  --out "$OUT/sweeps" >"$OUT/coordinator.log" 2>&1 &
COORD=$!
PIDS+=("$COORD")
for _ in $(seq 300); do curl -fs "http://127.0.0.1:$METRICS/metrics" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$METRICS/metrics" >/dev/null || { echo "bench: the coordinator did not start" >&2; exit 1; }

cat >"$OUT/mixed.yaml" <<'EOF'
name: soak
repetitions: 1
warmups: 0
defaults: {agents: 2}
include:
  - {name: open-async, model: async, concurrency: 64, items: 30000, rate: 2000}
  - {name: closed-async, model: async, concurrency: 64, items: 40000}
  - {name: closed-threads, model: threads, concurrency: 32, items: 20000}
  - {name: open-virtual, model: virtual, concurrency: 256, items: 20000, rate: 1500}
  - {name: closed-hybrid, model: hybrid, threads: 2, concurrency: 64, items: 30000}
EOF

# live heap after a full GC (what a leak would grow, unlike RSS, which rises as a JVM first touches its committed heap)
JCMD="$(./loadgrid java-home)/bin/jcmd"
live_heap() {
  local when=$1 role=$2 pid=$3 kb
  "$JCMD" "$pid" GC.run >/dev/null 2>&1 || return 0
  kb=$("$JCMD" "$pid" GC.heap_info 2>/dev/null | grep -E '^ *(PSYoungGen|ParOldGen|garbage-first heap)' \
    | grep -oE 'used [0-9]+K' | awk '{s += $2} END {print s + 0}')
  echo "$when,$role,$pid,$kb" >>"$OUT/heap.csv"
}
heaps() {
  live_heap "$1" agent1 "${PIDS[0]}"; live_heap "$1" agent2 "${PIDS[1]}"; live_heap "$1" coordinator "$COORD"
}
echo "when,role,pid,live_kb" >"$OUT/heap.csv"
echo "sweep,t_s,role,pid,rss_kb,fds" >"$OUT/idle.csv"

# sampler: t_s, role, pid, rss_kb, fds
sample() {
  local t=$1 role=$2 pid=$3
  [ -r "/proc/$pid/status" ] || return 0
  local rss fds
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo "")
  fds=$( (ls "/proc/$pid/fd" 2>/dev/null || true) | wc -l)
  [ -n "$rss" ] && echo "$t,$role,$pid,$rss,$fds" >>"$OUT/samples.csv"
}
echo "t_s,role,pid,rss_kb,fds" >"$OUT/samples.csv"
echo "$TARGET" >"$OUT/target.pid"
START=$(date +%s)
(
  while :; do
    t=$(( $(date +%s) - START ))
    sample "$t" agent1 "${PIDS[0]}"
    sample "$t" agent2 "${PIDS[1]}"
    sample "$t" coordinator "$COORD"
    sample "$t" target "$(cat "$OUT/target.pid")"
    sleep 10
  done
) &
SAMPLER=$!
PIDS+=("$SAMPLER")

restarted=0
sweeps=0
warm=0
while [ $(( $(date +%s) - START )) -lt "$SOAK_S" ]; do
  if [ "$warm" = 0 ] && [ $(( $(date +%s) - START )) -ge "$WARM_S" ]; then heaps warm-up; warm=1; fi
  if [ "$restarted" = 0 ] && [ $(( $(date +%s) - START )) -ge $((SOAK_S / 2)) ]; then
    # between sweeps, so that every run is on one target process and its counts can be checked
    kill "$TARGET" 2>/dev/null || true; wait "$TARGET" 2>/dev/null || true
    start_target
    echo "$TARGET" >"$OUT/target.pid"
    echo "$(( $(date +%s) - START ))" >"$OUT/restart_s"
    restarted=1
  fi
  ./loadgrid sweep "$OUT/mixed.yaml" --coordinator "http://127.0.0.1:$METRICS" --base "http://127.0.0.1:$PORT" \
    >>"$OUT/sweeps.log" 2>&1 || { echo "bench: a sweep failed (exit $?): see $OUT/sweeps.log" >&2; exit 1; }
  sweeps=$((sweeps + 1))
  # between sweeps nothing runs: the descriptors then are what the processes keep, not a cell's connections
  t=$(( $(date +%s) - START ))
  for r in "agent1 ${PIDS[0]}" "agent2 ${PIDS[1]}" "coordinator $COORD" "target $TARGET"; do
    set -- $r
    echo "$sweeps,$t,$1,$2,$(awk '/^VmRSS:/ {print $2}' "/proc/$2/status"),$(ls "/proc/$2/fd" | wc -l)" >>"$OUT/idle.csv"
  done
done
kill "$SAMPLER" 2>/dev/null || true
heaps end
echo "soak: $sweeps sweeps in $(( $(date +%s) - START )) s, target restarted at $(cat "$OUT/restart_s" 2>/dev/null || echo never) s"

verdict=0
python3 - "$OUT" "$WARM_S" >"$OUT/verdict.md" <<'EOF' || verdict=$?
import csv, glob, json, os, sys
out, warm = sys.argv[1], float(sys.argv[2])
rows = list(csv.DictReader(open(os.path.join(out, "samples.csv"))))
def slope(xs, ys):
    n = len(xs); mx = sum(xs) / n; my = sum(ys) / n
    den = sum((x - mx) ** 2 for x in xs)
    return 0.0 if den == 0 else sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den
print("| process | samples after warm-up (every 10 s) | RSS first → last (MB) | RSS slope (MB/min) | fds first → last | fds slope (/min) |")
print("|---|---:|---|---:|---|---:|")
for key in sorted({(r["role"], r["pid"]) for r in rows}):
    pts = [r for r in rows if (r["role"], r["pid"]) == key and float(r["t_s"]) >= warm]
    if len(pts) < 3:
        continue
    t = [float(r["t_s"]) / 60 for r in pts]
    rss = [int(r["rss_kb"]) / 1024 for r in pts]
    fds = [int(r["fds"]) for r in pts]
    print(f"| {key[0]} (pid {key[1]}) | {len(pts)} | {rss[0]:.0f} → {rss[-1]:.0f} | {slope(t, rss):+.2f} "
          f"| {fds[0]} → {fds[-1]} | {slope(t, fds):+.2f} |")
idle = list(csv.DictReader(open(os.path.join(out, "idle.csv"))))
print("\n| process | idle after each sweep: fds first → last (per sweep) | RSS first → last (MB) |\n|---|---|---|")
for key in sorted({(r["role"], r["pid"]) for r in idle}):
    pts = [r for r in idle if (r["role"], r["pid"]) == key and float(r["t_s"]) >= warm]
    if len(pts) < 2:
        continue
    sw = [int(r["sweep"]) for r in pts]
    fds = [int(r["fds"]) for r in pts]
    print(f"| {key[0]} (pid {key[1]}) | {fds[0]} → {fds[-1]} ({slope(sw, fds):+.2f}) "
          f"| {int(pts[0]['rss_kb']) / 1024:.0f} → {int(pts[-1]['rss_kb']) / 1024:.0f} |")
heap = list(csv.DictReader(open(os.path.join(out, "heap.csv"))))
print("\n| process | live heap after a full GC, warm-up → end (MB) |\n|---|---|")
for role in sorted({h["role"] for h in heap}):
    v = [f"{int(h['live_kb']) / 1024:.1f}" for h in heap if h["role"] == role]
    print(f"| {role} | {' → '.join(v)} |")
runs = missing = unequal = checked = 0
items = 0
for f in glob.glob(os.path.join(out, "sweeps", "*", "results.json")):
    for cell in json.load(open(f))["cells"]:
        if cell["status"] != "done":
            print(f"cell {cell['name']} in {f}: {cell['status']}", file=sys.stderr); missing += 1
        for r in cell["runs"]:
            runs += 1
            items += r["items"]
            missing += r["cluster"]["missing_items"] if r.get("cluster") else 0
            missing += r["items"] - r["ok"] - sum(r.get("failures", {}).values())
            if r.get("target_counts"):
                checked += 1
                unequal += r["target_counts"]["requests"] != r["items"]
print(f"\n{runs} runs, {items:,} items: {missing} missing; target counts equal to items in {checked - unequal} of "
      f"{checked} runs it covered")
sys.exit(1 if missing or unequal else 0)
EOF
cat "$OUT/verdict.md"
exit $verdict
