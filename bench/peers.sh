#!/usr/bin/env bash
# loadgrid beside wrk in one sitting (issue 13): the target pinned to core 0 with one I/O thread, each client pinned
# to core 1, GET /get over CONNS connections for DURATION seconds, warm, RUNS interleaved runs each; prints every
# row with its goal and the measured ratio (medians).
# Each loadgrid run is repeated with its live snapshots off, for what streaming costs. Then the seeds' own client
# (Python aiohttp) and a plain Vert.x client (bench/peer) on the same target and core, one agent's 1M seed URLs
# (embedded target, unpinned) and 15,000 requests in flight against 1 s of latency.
# Usage: bench/peers.sh            knobs: DURATION (30) CONNS (64) RUNS (3) WARMUP (10) PORT (18095) MODEL (async)
#                                         AIOHTTP_N (20000) PEER_N (100000) PEER_CONNS (5) BIG (1000000)
#                                         INFLIGHT (15000)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30}
CONNS=${CONNS:-64}
RUNS=${RUNS:-3}
WARMUP=${WARMUP:-10}
PORT=${PORT:-18095}
MODEL=${MODEL:-async}
AIOHTTP_N=${AIOHTTP_N:-20000}
PEER_N=${PEER_N:-100000}
PEER_CONNS=${PEER_CONNS:-5}
BIG=${BIG:-1000000}
INFLIGHT=${INFLIGHT:-15000}
OUT=${OUT:-bench/results/peers-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"

need() { # command, Debian package
  command -v "$1" >/dev/null && return
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; else
    echo "bench: needs $1 (apt-get install $2)" >&2; exit 2; fi
}
need wrk wrk
need /usr/bin/time time
need python3 python3
need curl curl
# the seeds' client: Debian's python3-aiohttp lives in the system Python, which may not be the python3 on PATH
AIO_PY=python3
if ! python3 -c 'import aiohttp' 2>/dev/null; then
  AIO_PY=/usr/bin/python3
  if ! "$AIO_PY" -c 'import aiohttp' 2>/dev/null; then
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq python3-aiohttp >/dev/null; else
      echo "bench: needs aiohttp (apt-get install python3-aiohttp)" >&2; exit 2; fi
  fi
fi
./loadgrid build >/dev/null

if (: <"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "bench: port $PORT is taken; stop what listens there or set PORT" >&2; exit 2
fi
taskset -c 0 ./loadgrid target --port "$PORT" --io-threads 1 >"$OUT/target.log" 2>&1 &
TARGET=$!
trap 'kill $TARGET 2>/dev/null || true' EXIT
URL="http://127.0.0.1:$PORT/get"
for _ in $(seq 100); do curl -fs "$URL" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$URL" >/dev/null || { echo "bench: the target did not answer on $URL; see $OUT/target.log" >&2; exit 1; }

wrk_run() { # seconds -> "req/s cpu-s-per-100k"
  /usr/bin/time -f "%U %S" -o "$OUT/wrk.time" taskset -c 1 wrk -t1 -c"$CONNS" -d"$1"s --timeout 10s "$URL" \
    >"$OUT/wrk.out"
  python3 - "$OUT/wrk.out" "$OUT/wrk.time" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
reqs = int(re.search(r"(\d+) requests in", text).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
u, s = map(float, open(sys.argv[2]).read().split()[-2:])
print(f"{rps:.0f} {(u + s) * 100000 / reqs:.2f}")
PY
}

loadgrid_run() { # seconds -> "req/s cpu-s-per-100k p99.9-ms max-ms start-s exit-s command-cpu-per-100k"
  local json="$OUT/run-$RANDOM.json"
  /usr/bin/time -f "%U %S" -o "$OUT/lg.time" python3 - "$json" "$OUT/lg.lines" \
    taskset -c 1 ./loadgrid run --model "$MODEL" --concurrency "$CONNS" --duration "$1s" --url "$URL" \
    --json "$json" <<'PY'
# timestamps every line the command prints: its header comes just before the start instant, its table after the end
import subprocess, sys, time
json_file, lines_file, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
t0 = time.monotonic()
p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
with open(lines_file, "w") as out:
    for line in p.stdout:
        out.write(f"{time.monotonic() - t0:.3f} {line}")
out_t = time.monotonic() - t0
if p.wait() != 0:
    sys.exit(f"loadgrid run failed, see {lines_file}")
with open(lines_file, "a") as out:
    out.write(f"{out_t:.3f} exit\n")
PY
  python3 - "$json" "$OUT/lg.lines" "$OUT/lg.time" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
lines = [l.split(" ", 1) for l in open(sys.argv[2])]
# the header comes just before the start instant is set, which is ClusterRun.START_LEAD_MS (300 ms) after it
ready = next(float(t) for t, l in lines if l.startswith("loadgrid run:")) + 0.3
end = float(lines[-1][0])
u, s = map(float, open(sys.argv[3]).read().split()[-2:])
cpu = r["cpu_process_pct"]["avg"] / 100 * r["wall_s"]
lat = r["latency_us"]
print(f"{r['req_per_s']:.0f} {cpu * 100000 / r['items']:.2f} {lat['p999'] / 1e3:.2f} {lat['max'] / 1e3:.2f}"
      f" {ready:.2f} {end - ready - r['wall_s']:.2f} {(u + s) * 100000 / r['items']:.2f}")
PY
}

aiohttp_run() { # -> "req/s cpu-s-per-100k": seed 001's asyncio client, its connections capped at CONNS
  /usr/bin/time -f "%U %S" -o "$OUT/aio.time" taskset -c 1 "$AIO_PY" - "$URL" "$AIOHTTP_N" "$CONNS" >"$OUT/aio.out" <<'PY'
import asyncio, sys, time
import aiohttp
url, n, conns = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
async def fetch(session, sem):
    async with sem:
        async with session.get(url) as r:
            await r.read()
            return r.status == 200
async def main():
    sem = asyncio.Semaphore(conns)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=conns)) as session:
        t = time.monotonic()
        ok = sum(await asyncio.gather(*(fetch(session, sem) for _ in range(n))))
        print(ok, time.monotonic() - t)
asyncio.run(main())
PY
  python3 - "$OUT/aio.out" "$OUT/aio.time" "$AIOHTTP_N" <<'PY'
import sys
ok, secs = open(sys.argv[1]).read().split()
u, s = map(float, open(sys.argv[2]).read().split()[-2:])
print(f"{int(ok) / float(secs):.0f} {(u + s) * 100000 / int(sys.argv[3]):.2f}")
PY
}

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "warming up ($WARMUP s each)" >&2
wrk_run "$WARMUP" >/dev/null
loadgrid_run "$WARMUP" >/dev/null
: >"$OUT/wrk.samples"
: >"$OUT/lg.samples"
: >"$OUT/lg-quiet.samples"
for i in $(seq "$RUNS"); do
  echo "run $i of $RUNS" >&2
  wrk_run "$DURATION" | tee -a "$OUT/wrk.samples" >&2
  loadgrid_run "$DURATION" | tee -a "$OUT/lg.samples" >&2
  # the agents' 1 Hz snapshots off (LiveReporting), for what streaming them costs
  JAVA_TOOL_OPTIONS=-Dloadgrid.snapshot.ms=0 loadgrid_run "$DURATION" | tee -a "$OUT/lg-quiet.samples" >&2
done
echo "aiohttp ($AIOHTTP_N requests, $CONNS connections), $RUNS runs" >&2
: >"$OUT/aio.samples"
for i in $(seq "$RUNS"); do aiohttp_run | tee -a "$OUT/aio.samples" >&2; done

# the JVM peer: a plain Vert.x client, its whole process against loadgrid's whole command, both pinned
JAVA_BIN="$(./loadgrid java-home)/bin"
mkdir -p build/peer # a build product, not a result
"$JAVA_BIN/javac" -d build/peer -cp "build/lib/*" bench/peer/VertxPeer.java
whole() { # command... -> "wall-s cpu-s" of the whole process
  /usr/bin/time -f "%e %U %S" -o "$OUT/whole.time" taskset -c 1 "$@" >"$OUT/whole.out" 2>&1 \
    || { echo "bench: $* failed, see $OUT/whole.out" >&2; exit 1; }
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$OUT/whole.time"
}
echo "JVM peer: $PEER_N requests over $PEER_CONNS connections, $RUNS runs each" >&2
: >"$OUT/peer.samples"
: >"$OUT/lg-peer.samples"
for i in $(seq "$RUNS"); do
  whole "$JAVA_BIN/java" -cp "build/lib/*:build/peer" VertxPeer "$URL" "$PEER_N" "$PEER_CONNS" \
    | tee -a "$OUT/peer.samples" >&2
  # a run with failures ends sooner: only all-ok runs are compared
  grep -q "^$PEER_N " "$OUT/whole.out" || { echo "bench: the peer did not get $PEER_N ok, see $OUT/whole.out" >&2; exit 1; }
  whole ./loadgrid run --model async --concurrency "$PEER_CONNS" --urls "$PEER_N" --url "$URL" \
    --json "$OUT/lg-peer.json" | tee -a "$OUT/lg-peer.samples" >&2
  python3 -c "import json, sys; r = json.load(open(sys.argv[1])); sys.exit(r['ok'] != int(sys.argv[2]))" \
    "$OUT/lg-peer.json" "$PEER_N" || { echo "bench: loadgrid did not get $PEER_N ok, see $OUT/whole.out" >&2; exit 1; }
done

lg_json() { # args... -> the --json document's path; the run is unpinned, on the embedded target
  local json="$OUT/lg-$RANDOM.json"
  ./loadgrid run "$@" --json "$json" >"$OUT/lg-last.out" 2>&1 || { echo "bench: loadgrid run $* failed" >&2; exit 1; }
  echo "$json"
}
echo "one agent, embedded target, unpinned: 100k then $BIG seed URLs" >&2
SMALL_JSON=$(lg_json --urls 100000)
BIG_JSON=$(lg_json --urls "$BIG")
echo "$INFLIGHT in flight, $((2 * INFLIGHT)) items against 1 s of emulated latency" >&2
: >"$OUT/inflight.rows"
for m in async virtual hybrid; do
  j=$(lg_json --model "$m" --concurrency "$INFLIGHT" --urls $((2 * INFLIGHT)) --target-latency 1000)
  python3 - "$j" "$m" >>"$OUT/inflight.rows" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"{sys.argv[2]} {r['failed']} {r['latency_us']['p50'] / 1e6:.2f} {r['latency_us']['p99'] / 1e6:.2f}")
PY
done

col() { cut -d' ' -f"$2" "$1" | median; }
W_RPS=$(col "$OUT/wrk.samples" 1); W_CPU=$(col "$OUT/wrk.samples" 2)
L_RPS=$(col "$OUT/lg.samples" 1); L_CPU=$(col "$OUT/lg.samples" 2)
L_P999=$(col "$OUT/lg.samples" 3); L_MAX=$(col "$OUT/lg.samples" 4)
L_START=$(col "$OUT/lg.samples" 5); L_EXIT=$(col "$OUT/lg.samples" 6); L_CMD=$(col "$OUT/lg.samples" 7)
A_RPS=$(col "$OUT/aio.samples" 1); A_CPU=$(col "$OUT/aio.samples" 2)
Q_CPU=$(col "$OUT/lg-quiet.samples" 2)
P_WALL=$(col "$OUT/peer.samples" 1); P_CPU=$(col "$OUT/peer.samples" 2)
LP_WALL=$(col "$OUT/lg-peer.samples" 1); LP_CPU=$(col "$OUT/lg-peer.samples" 2)
read -r B_WALL B_RSS S_RSS < <(python3 - "$BIG_JSON" "$SMALL_JSON" <<'PY'
import json, sys
big, small = (json.load(open(f)) for f in sys.argv[1:3])
print(f"{big['wall_s']:.1f} {big['rss_mb']['max']:.0f} {small['rss_mb']['max']:.0f}")
PY
)
INFLIGHT_CELLS=$(awk '{printf "%s%s: %s failed, p50 %s s", (NR > 1 ? "; " : ""), $1, $2, $3}' "$OUT/inflight.rows")

ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
{
  echo "| what | goal | wrk | loadgrid $MODEL c=$CONNS | measured |"
  echo "|---|---|---:|---:|---:|"
  echo "| req/s, ${DURATION} s, warm, median of $RUNS | ratio ≥ 0.8 | $W_RPS | $L_RPS | $(ratio "$L_RPS" "$W_RPS") |"
  echo "| client CPU-s per 100k requests (agents, measured window) | ratio ≤ 2.0 | $W_CPU | $L_CPU | $(ratio "$L_CPU" "$W_CPU") |"
  echo "| the same, the whole loadgrid command (start-up, coordinator) | — | $W_CPU | $L_CMD | $(ratio "$L_CMD" "$W_CPU") |"
  echo "| streaming: agent CPU-s per 100k, 1 Hz snapshots ÷ none | < 1% more | | $L_CPU vs $Q_CPU | $(python3 -c "print(f'{($L_CPU / $Q_CPU - 1) * 100:+.1f}%')") |"
  echo "| p99.9 / max latency, ms | ≤ 5 / ≤ 50 | | $L_P999 / $L_MAX | |"
  echo "| command start → first request / last response → exit, s | ≤ 3 / ≤ 1 | | $L_START / $L_EXIT | |"
  echo "| aiohttp (seed 001's client) req/s, CPU-s per 100k; loadgrid ÷ aiohttp req/s | ≥ 10 | $A_RPS, $A_CPU | $L_RPS | $(ratio "$L_RPS" "$A_RPS") |"
  echo "| JVM peer (bench/peer), $PEER_CONNS connections, $PEER_N requests, whole process: wall s / CPU-s | loadgrid ≤ peer | $P_WALL / $P_CPU | $LP_WALL / $LP_CPU | $(ratio "$LP_WALL" "$P_WALL") / $(ratio "$LP_CPU" "$P_CPU") |"
  echo "| $BIG seed URLs, one agent, embedded target, unpinned: measured wall s | ≤ 15 | | $B_WALL | |"
  echo "| agent RSS max, MB, at $BIG (at 100k) | ≤ 512 (growth ≤ 64) | | $B_RSS ($S_RSS) | growth $((B_RSS - S_RSS)) |"
  echo "| $INFLIGHT in flight, 1 s latency | 0 failed, p50 ≤ 1.1 s | | $INFLIGHT_CELLS | |"

} | tee "$OUT/summary.md"
echo "samples and logs in $OUT" >&2
