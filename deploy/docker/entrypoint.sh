#!/usr/bin/env bash
# Entry point of the loadgrid image. The command is a loadgrid command (target, agent, coordinator, sweep, run, ...)
# and runs through the launcher; any other command (bash, ...) runs as it is.
#
# agent and coordinator get '--bind <this container's IPv4>' unless the command has --bind: Hazelcast binds only to
# an address of one of the container's interfaces, and that address is known only once the container runs.
# LOADGRID_BIND overrides the address found.
#
# Two helpers for docker-compose.yml:
#   loadgrid-entrypoint init-secret FILE    writes a random shared secret (32 bytes, base64) to FILE unless it has one
#   loadgrid-entrypoint healthcheck PORT..  exits 0 when every PORT accepts TCP on this container's IP or on loopback
set -euo pipefail

own_ip() {
  if [ -n "${LOADGRID_BIND:-}" ]; then
    echo "$LOADGRID_BIND"
    return
  fi
  local ip
  # Docker maps the container's hostname to its address in /etc/hosts
  ip="$(getent ahostsv4 "$(cat /proc/sys/kernel/hostname)" | awk '$1 !~ /^127\./ { print $1; exit }')"
  if [ -z "$ip" ] && command -v hostname >/dev/null; then
    ip="$(hostname -I 2>/dev/null | awk '{ print $1 }')"
  fi
  if [ -z "$ip" ]; then
    echo "loadgrid-entrypoint: cannot find this container's IPv4 address; set LOADGRID_BIND or pass --bind" >&2
    exit 2
  fi
  echo "$ip"
}

port_open() { # host port
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null
}

cmd="${1:-help}"
[ $# -gt 0 ] && shift
case "$cmd" in
  init-secret)
    file="${1:?usage: loadgrid-entrypoint init-secret FILE}"
    if [ -s "$file" ]; then
      echo "loadgrid: keeping the shared secret in $file"
      exit 0
    fi
    umask 077
    head -c 32 /dev/urandom | base64 >"$file.new"
    mv "$file.new" "$file"
    echo "loadgrid: wrote a new shared secret to $file"
    ;;
  healthcheck)
    [ $# -gt 0 ] || { echo "usage: loadgrid-entrypoint healthcheck PORT..." >&2; exit 2; }
    ip="$(own_ip)"
    for port in "$@"; do
      case "$port" in *[!0-9]* | '') echo "loadgrid-entrypoint: bad port '$port'" >&2; exit 2 ;; esac
      port_open "$ip" "$port" || port_open 127.0.0.1 "$port" || { echo "port $port is not open" >&2; exit 1; }
    done
    ;;
  agent | coordinator)
    for arg in "$@"; do
      case "$arg" in --bind | --bind=*) exec loadgrid "$cmd" "$@" ;; esac
    done
    exec loadgrid "$cmd" --bind "$(own_ip)" "$@"
    ;;
  run | sweep | report | compare | target | agents | help | -h | --help)
    exec loadgrid "$cmd" "$@"
    ;;
  *)
    exec "$cmd" "$@"
    ;;
esac
