#!/usr/bin/env bash
# High availability on loopback: HAProxy in front of two release replicas on one
# PostgreSQL database (health checks on /readyz), under a load of reads and
# saves (scripts/ha_load.py):
#  1. rolling update: each replica in turn gets SIGTERM, drains, and is started
#     again: 0 failed requests (non-2xx or socket error) allowed;
#  2. kill -9 of one replica under write load: the other keeps serving, and
#     every acknowledged save of both phases is read back afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh
source scripts/lib/serve.sh

command -v haproxy >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy; }
dir=$(mktemp -d)
cleanup() {
  kill -9 $(jobs -p) 2>/dev/null || true
  [ -n "${haproxy_pid:-}" ] && kill "$haproxy_pid" 2>/dev/null || true
  pg_stop
  rm -rf "$dir"
}
trap cleanup EXIT
pg_start
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres clusterplan
DATABASE="postgres://postgres@127.0.0.1:$PG_PORT/clusterplan"

declare -A port pid
port[a]=$(./scripts/free-port.sh); port[b]=$(./scripts/free-port.sh)
LB_PORT=$(./scripts/free-port.sh)
STATS_PORT=$(./scripts/free-port.sh)
BASE="http://127.0.0.1:$LB_PORT"

start() { # replica name
  serve_release "${port[$1]}" "$DATABASE" "$dir/$1.log" --drain-delay-secs 2 --shutdown-timeout-secs 10
  pid[$1]=$SERVER_PID
  wait_ready "ha: replica $1" "${port[$1]}" "${pid[$1]}" "$dir/$1.log"
}

# Waits until HAProxy's own checks say replica $1 is UP (at most 15 s), so a
# slow machine never takes the second replica down before the first is back.
wait_up() {
  for _ in $(seq 150); do
    curl -fsS "http://127.0.0.1:$STATS_PORT/stats;csv" 2>/dev/null \
      | awk -F, -v s="$1" '$1 == "clusterplan" && $2 == s {print $18}' | grep -q '^UP' && return
    sleep 0.1
  done
  echo "ha: HAProxy never saw replica $1 up" >&2; exit 1
}

cat > "$dir/haproxy.cfg" <<CFG
global
  maxconn 512
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  # A new server connection per request: a replica that closes its listener
  # refuses the connection, which is safe to retry (the request was not sent).
  option http-server-close
  retries 3
  retry-on conn-failure
  option redispatch 1
listen stats
  bind 127.0.0.1:$STATS_PORT
  stats enable
  stats uri /stats
frontend web
  bind 127.0.0.1:$LB_PORT
  default_backend clusterplan
backend clusterplan
  option httpchk GET /readyz
  http-check expect status 200
  default-server inter 250ms fall 1 rise 2
  server a 127.0.0.1:${port[a]} check
  server b 127.0.0.1:${port[b]} check
CFG

start a; start b
haproxy -f "$dir/haproxy.cfg" -db 2> "$dir/haproxy.log" &
haproxy_pid=$!
wait_up a; wait_up b

load() { # phase: runs in the background until $dir/stop-<phase> exists
  python3 scripts/ha_load.py "$BASE" "$dir/acked" "$dir/stop-$1" "$1" > "$dir/figures-$1" &
  load_pid=$!
}

echo "== rolling update under load: SIGTERM and restart each replica in turn"
load rolling
sleep 2
for name in a b; do
  kill -TERM "${pid[$name]}"
  wait "${pid[$name]}" || { echo "ha: replica $name did not exit cleanly" >&2; exit 1; }
  start "$name"
  wait_up "$name" # HAProxy sends to it again before the next one goes
done
sleep 1
touch "$dir/stop-rolling"; wait "$load_pid"
cat "$dir/figures-rolling"

echo "== kill -9 of replica a under write load"
load kill
sleep 2
kill -9 "${pid[a]}"
sleep 3
touch "$dir/stop-kill"; wait "$load_pid"
cat "$dir/figures-kill"

echo "== every acknowledged save, read back through the balancer (replica b)"
missing=$(python3 scripts/lib/read_back.py "$BASE" "$dir/acked")
acked=$(wc -l < "$dir/acked")
echo "ha: peak RSS of replica b (served both runs): $(awk '/VmHWM/ {print $2, $3}' "/proc/${pid[b]}/status")"
rolling_failed=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['failed'])" "$dir/figures-rolling")
echo "ha: acknowledged saves: $acked, missing or wrong: $missing; failed requests during the rolling update: $rolling_failed"
[ "$rolling_failed" = 0 ] || { echo "ha: requests failed during the rolling update" >&2; exit 1; }
[ "$missing" = 0 ] || { echo "ha: acknowledged saves are missing" >&2; exit 1; }
echo "ha: all checks passed"
