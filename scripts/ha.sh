#!/usr/bin/env bash
# High availability on loopback: HAProxy in front of two release replicas on one
# PostgreSQL database (health checks on /readyz), under a load of reads and
# saves (scripts/ha_load.py):
#  1. rolling update: each replica in turn gets SIGTERM, drains, and is started
#     again: 0 failed requests (non-2xx or socket error) allowed;
#  2. kill -9 of one replica under write load: the other keeps serving (floors
#     below on what the phase, and the survivor after the kill, served), at most
#     the requests in flight on the killed replica fail, and every acknowledged
#     save of both phases is read back afterwards.
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
  python3 scripts/ha_load.py "$BASE" "$dir/acked" "$dir/stop-$1" "$1" "$dir/mark-$1" > "$dir/figures-$1" &
  load_pid=$!
}

fail() { echo "ha: FAILED: $*" >&2; exit 1; }
figure() { # phase, then a Python expression on the phase's figures `f`
  python3 -c "import json,sys; f = json.load(open(sys.argv[1])); print($2)" "$dir/figures-$1"
}
# Floors for the kill phase (2 s of load on both replicas, kill -9 of a, 3 s on b
# alone), on requests answered with success and on acknowledged saves. Three
# runs on the 2-core machine with builds and tests beside it (2026-12-03): in
# the phase 1,772-3,521 served and 370-1,354 saves; by b alone after the kill
# 1,081-2,380 served and 206-927 saves. The floors are about a quarter of the
# slowest, so a busy machine passes, and a survivor that stops serving or
# saving does not: then only the few requests in flight are answered.
KILL_MIN_SERVED=${KILL_MIN_SERVED:-400}
KILL_MIN_SAVES=${KILL_MIN_SAVES:-100}
AFTER_KILL_MIN_SERVED=${AFTER_KILL_MIN_SERVED:-250}
AFTER_KILL_MIN_SAVES=${AFTER_KILL_MIN_SAVES:-50}
# Eight client threads: at most one request each can be in flight on replica a
# when it dies; HAProxy retries every later one (refused connection) on b.
KILL_MAX_FAILED=8

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
touch "$dir/mark-kill"
sleep 3
touch "$dir/stop-kill"; wait "$load_pid"
cat "$dir/figures-kill"

echo "== every acknowledged save, read back through the balancer (replica b)"
missing=$(python3 scripts/lib/read_back.py "$BASE" "$dir/acked")
acked=$(wc -l < "$dir/acked")
echo "ha: peak RSS of replica b (served both runs): $(awk '/VmHWM/ {print $2, $3}' "/proc/${pid[b]}/status")"
rolling_failed=$(figure rolling "f['failed']")
read -r kill_served kill_saves kill_failed after_served after_saves < <(figure kill \
  "f['requests'] - f['failed'], f['saves_acknowledged'], f['failed'], f['after_mark']['requests'] - f['after_mark']['failed'], f['after_mark']['saves_acknowledged']" | tr -d '(),')
echo "ha: acknowledged saves: $acked, missing or wrong: $missing; failed requests during the rolling update: $rolling_failed"
echo "ha: kill phase: $kill_served requests served ($kill_failed failed), $kill_saves saves acknowledged;" \
  "after the kill, replica b alone: $after_served served, $after_saves saves acknowledged"
figures="$missing $rolling_failed $kill_served $kill_saves $kill_failed $after_served $after_saves"
[[ "$figures" =~ ^[0-9\ ]+$ ]] || fail "a figure is not a count: $figures"
[ "$acked" -gt 0 ] || fail "no save was acknowledged"
[ "$rolling_failed" -eq 0 ] || fail "$rolling_failed requests failed during the rolling update"
[ "$missing" -eq 0 ] || fail "$missing acknowledged saves are missing or wrong"
[ "$kill_failed" -le "$KILL_MAX_FAILED" ] \
  || fail "$kill_failed requests failed in the kill phase, more than the $KILL_MAX_FAILED that can be in flight"
[ "$kill_served" -ge "$KILL_MIN_SERVED" ] \
  || fail "the kill phase served $kill_served requests, fewer than $KILL_MIN_SERVED"
[ "$kill_saves" -ge "$KILL_MIN_SAVES" ] \
  || fail "the kill phase acknowledged $kill_saves saves, fewer than $KILL_MIN_SAVES"
[ "$after_served" -ge "$AFTER_KILL_MIN_SERVED" ] \
  || fail "replica b served $after_served requests after the kill, fewer than $AFTER_KILL_MIN_SERVED"
[ "$after_saves" -ge "$AFTER_KILL_MIN_SAVES" ] \
  || fail "replica b acknowledged $after_saves saves after the kill, fewer than $AFTER_KILL_MIN_SAVES"
echo "ha: all checks passed"
