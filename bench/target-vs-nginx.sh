#!/usr/bin/env bash
# Compares the loadgrid target's GET /get throughput with nginx serving a static body of the same size.
# Both servers are pinned to core 0, wrk to core 1; warm-up first, then RUNS interleaved runs each, medians reported.
# Usage: bench/target-vs-nginx.sh   (env: DURATION=10s CONNS=64 RUNS=3 WARMUP=10s TARGET_PORT NGINX_PORT TARGET_CP)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-10s}"
CONNS="${CONNS:-64}"
RUNS="${RUNS:-3}"
TARGET_PORT="${TARGET_PORT:-18080}"
NGINX_PORT="${NGINX_PORT:-18081}"
SERVER_CPU="${SERVER_CPU:-0}"
CLIENT_CPU="${CLIENT_CPU:-1}"

die() { echo "target-vs-nginx: $*" >&2; exit 2; }
for tool in wrk nginx taskset curl; do
  command -v "$tool" >/dev/null || die "'$tool' is missing; install it with: apt-get update && apt-get install -y wrk nginx curl util-linux"
done
[ "$(nproc)" -ge 2 ] || die "needs at least 2 cores (servers on core $SERVER_CPU, wrk on core $CLIENT_CPU)"

JAVA_HOME="$("$ROOT/loadgrid" java-home)" || die "no JDK >= 21 found"
# TARGET_CP overrides the classpath, e.g. TARGET_CP="testbed/target/classes:$(mvn -q -pl testbed dependency:build-classpath ...)"
if [ -z "${TARGET_CP:-}" ]; then
  if ! ls "$ROOT"/build/lib/loadgrid-testbed-*.jar >/dev/null 2>&1; then
    echo "building jars with ./loadgrid build ..." >&2
    "$ROOT/loadgrid" build
  fi
  TARGET_CP="$ROOT/build/lib/*"
fi

WORK="$(mktemp -d /tmp/target-vs-nginx.XXXXXX)"
TARGET_PID=""; NGINX_PID=""
cleanup() {
  exec 3>&- 2>/dev/null || true            # closing the target's stdin makes it exit (--exit-on-stdin-eof)
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  [ -n "$TARGET_PID" ] && kill "$TARGET_PID" 2>/dev/null || true
  sleep 0.5
  [ -n "$NGINX_PID" ] && kill -9 "$NGINX_PID" 2>/dev/null || true
  [ -n "$TARGET_PID" ] && kill -9 "$TARGET_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for_port() { # port, seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    curl -s -o /dev/null "http://127.0.0.1:$1/get" && return 0
    sleep 0.1
  done
  return 1
}

# --- target: one I/O thread on one core; stdin is a FIFO we hold open so the JVM dies with this script
JAVA_OPTS=(-XX:+UseParallelGC -Xms256m -Xmx256m -Xss512k --enable-native-access=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED)
JAVA_MAJOR=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
# Netty 4.2 stops using sun.misc.Unsafe on Java 25+ unless this is allowed; with it, buffer access is cheaper
[ "${JAVA_MAJOR:-21}" -ge 23 ] && JAVA_OPTS+=(--sun-misc-unsafe-memory-access=allow)
mkfifo "$WORK/target.stdin"
taskset -c "$SERVER_CPU" "$JAVA_HOME/bin/java" "${JAVA_OPTS[@]}" ${TARGET_JAVA_OPTS:-} \
  -cp "$TARGET_CP" io.loadgrid.testbed.TargetCli \
  --host 127.0.0.1 --port "$TARGET_PORT" --io-threads 1 --exit-on-stdin-eof \
  <"$WORK/target.stdin" >"$WORK/target.out" 2>"$WORK/target.err" &
TARGET_PID=$!
exec 3>"$WORK/target.stdin"
wait_for_port "$TARGET_PORT" 30 || { cat "$WORK/target.err" >&2; die "target did not start on port $TARGET_PORT"; }

# --- nginx: same-size body. wrk sends only a Host header, so fetch our /get the same way to size it.
curl -s -H 'User-Agent:' -H 'Accept:' -o "$WORK/get.json" "http://127.0.0.1:$TARGET_PORT/get"
BODY_BYTES=$(stat -c %s "$WORK/get.json")
[ "$(tail -c1 "$WORK/get.json" | od -An -c | tr -d ' ')" = '\n' ] || die "expected the /get body to end with a newline"  # nginx gets it as \n
grep -q "[\$'\\\\]" "$WORK/get.json" && die "body contains characters nginx's return directive would alter"
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 100000000;
  keepalive_timeout 65;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location = /get { default_type application/json; return 200 '$(cat "$WORK/get.json")\n'; }
  }
}
CONF
taskset -c "$SERVER_CPU" nginx -p "$WORK/nginx" -c "$WORK/nginx.conf" -e "$WORK/nginx/error.log" \
  >"$WORK/nginx.out" 2>&1 &
NGINX_PID=$!
wait_for_port "$NGINX_PORT" 10 || { cat "$WORK/nginx.out" "$WORK/nginx/error.log" >&2; die "nginx did not start on port $NGINX_PORT"; }
NGINX_BYTES=$(curl -s "http://127.0.0.1:$NGINX_PORT/get" | wc -c)
[ "$NGINX_BYTES" -eq "$BODY_BYTES" ] || die "nginx body is $NGINX_BYTES bytes, target's $BODY_BYTES"

cpu_ticks() { # user+system clock ticks of the given pids and their children
  local total=0 pid
  for pid in "$@" $(pgrep -P "$(echo "$@" | tr ' ' ',')" 2>/dev/null); do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
  done
  echo "$total"
}
machine_busy_ticks() { # non-idle clock ticks of the two cores in use
  awk -v a="cpu$SERVER_CPU" -v b="cpu$CLIENT_CPU" '$1 == a || $1 == b { t += $2 + $3 + $4 + $7 + $8 + $9 } END { print t }' /proc/stat
}
run_wrk_once() { # port duration server-pid -> "req/s cpu-us-per-request foreign-cpu-pct"
  local out c0 c1 m0 m1 wrk_cpu hz
  hz=$(getconf CLK_TCK)
  c0=$(cpu_ticks "$3"); m0=$(machine_busy_ticks)
  out=$( { TIMEFORMAT='WRKCPU %U %S'; time taskset -c "$CLIENT_CPU" timeout 120 wrk -t1 -c"$CONNS" -d"$2" "http://127.0.0.1:$1/get"; } 2>&1 )
  c1=$(cpu_ticks "$3"); m1=$(machine_busy_ticks)
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then
    echo "$out" >&2
    die "wrk saw errors against port $1"
  fi
  # foreign = CPU the two cores spent on anything but this server and wrk, as a share of the run's wall time
  awk -v c="$((c1 - c0))" -v m="$((m1 - m0))" -v hz="$hz" -v d="${2%s}" '
    /requests in/ { n = $1 } /^Requests\/sec:/ { r = $2 } /^WRKCPU/ { w = $2 + $3 }
    END { f = (m / hz - c / hz - w) / (2 * d) * 100; if (f < 0) f = 0
          printf "%s %.2f %.1f\n", r, (n > 0 ? c / hz * 1e6 / n : 0), f }' <<<"$out"
}
run_wrk() { # like run_wrk_once, but a run disturbed by other work on the machine is repeated (bounded)
  local res attempt
  kill -0 "$TARGET_PID" 2>/dev/null || { cat "$WORK/target.err" >&2; die "the target process is gone"; }
  kill -0 "$NGINX_PID" 2>/dev/null || { cat "$WORK/nginx/error.log" >&2; die "nginx is gone"; }
  for ((attempt = 1; attempt <= ${MAX_ATTEMPTS:-4}; attempt++)); do
    res=$(run_wrk_once "$@")
    awk -v lim="${FOREIGN_PCT:-5}" '{ exit !($3 <= lim) }' <<<"$res" && break
    echo "  (port $1: ${res##* }% of the CPU went to other processes; repeating the run)" >&2
    wait_quiet
  done
  echo "$res"
}
cpu_busy_pct() { # whole-machine non-idle CPU over one second
  local a b
  a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
  local idle=$(( (b[4] + b[5]) - (a[4] + a[5]) )) total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}
wait_quiet() { # other work on the machine skews req/s; wait (bounded) until it is idle
  local waited=0 busy
  while busy=$(cpu_busy_pct); [ "$busy" -gt "${QUIET_PCT:-10}" ]; do
    if [ "$waited" -ge "${QUIET_WAIT:-300}" ]; then
      echo "warning: machine still ${busy}% busy with other work; numbers are unreliable" >&2
      return 0
    fi
    sleep 2; waited=$((waited + 3))
  done
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "body: $BODY_BYTES bytes; wrk -t1 -c$CONNS -d$DURATION; servers on core $SERVER_CPU, wrk on core $CLIENT_CPU"
echo "warm-up ($WARMUP each) ..."
run_wrk "$TARGET_PORT" "$WARMUP" "$TARGET_PID" >/dev/null
run_wrk "$NGINX_PORT" "$WARMUP" "$NGINX_PID" >/dev/null

: >"$WORK/target.res"; : >"$WORK/nginx.res"
for ((i = 1; i <= RUNS; i++)); do
  wait_quiet; t=$(run_wrk "$TARGET_PORT" "$DURATION" "$TARGET_PID"); echo "$t" >>"$WORK/target.res"
  wait_quiet; n=$(run_wrk "$NGINX_PORT" "$DURATION" "$NGINX_PID"); echo "$n" >>"$WORK/nginx.res"
  set -- $t $n
  printf 'run %d: target %8.0f req/s (%5.2f us CPU/req, %4.1f%% foreign)   nginx %8.0f req/s (%5.2f us CPU/req, %4.1f%% foreign)\n' \
    "$i" "$1" "$2" "$3" "$4" "$5" "$6"
done
T=$(cut -d' ' -f1 "$WORK/target.res" | median); N=$(cut -d' ' -f1 "$WORK/nginx.res" | median)
TC=$(cut -d' ' -f2 "$WORK/target.res" | median); NC=$(cut -d' ' -f2 "$WORK/nginx.res" | median)
printf 'median: target %.0f req/s, nginx %.0f req/s, ratio target/nginx = %.3f\n' "$T" "$N" "$(awk -v t="$T" -v n="$N" 'BEGIN { print t / n }')"
printf 'median server CPU per request: target %.2f us, nginx %.2f us\n' "$TC" "$NC"
