#!/usr/bin/env bash
# Fault runs on loopback against the release server, bounded in time:
#  1. kill -9 during a stream of concurrent saves, restart on the same file:
#     every save that was acknowledged (201) must be readable;
#  2. SIGTERM during a load run: no request may fail, and the process must exit 0;
#  3. the largest forecast (47 MB of JSON) asked for by 24 clients that stop
#     reading: the server's peak RSS must stay under 100 MiB (it held each
#     answer whole, 1.8 GB, until forecasts were streamed).
# Every check goes through `check` (or `fail`), which exits non-zero with what
# failed: a bare `[ ... ] && [ ... ]` does not stop a `set -e` script when its
# first test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/serve.sh

PORT=${FAULT_PORT:-$(./scripts/free-port.sh)}
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
dir=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2>/dev/null || true; rm -rf "$dir"' EXIT

fail() { echo "faults: FAILED: $*" >&2; exit 1; }
check() { # description, then a test command: fails the script unless it succeeds
  local what=$1
  shift
  "$@" || fail "$what"
}
is_number() { [[ $1 =~ ^[0-9]+$ ]]; }

start() {
  serve_release "$PORT" "sqlite://$dir/faults.db" "$dir/server.log" --drain-delay-secs "${1:-0}"
  server=$SERVER_PID
  wait_ready faults "$PORT" "$server" "$dir/server.log"
}

echo "== kill -9 during concurrent saves"
start
python3 - "$BASE" "$dir/acked" <<'PY' &
import json, sys, threading, urllib.request
base, out = sys.argv[1], sys.argv[2]
lock = threading.Lock()
def saver(n):
    for i in range(10_000):
        body = json.dumps({"name": f"w{n}-{i}", "input": {"clusters": 1 + i % 50}}).encode()
        req = urllib.request.Request(base + "/api/v1/scenarios", body, {"content-type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=5) as r:
                if r.status == 201:
                    doc = json.load(r)
                    with lock, open(out, "a") as f:
                        f.write(f"{doc['id']} w{n}-{i}\n")
        except Exception:
            return
threads = [threading.Thread(target=saver, args=(n,)) for n in range(8)]
for t in threads: t.start()
for t in threads: t.join()
PY
writers=$!
sleep 3
kill -9 "$server"
wait "$writers" || true
check "no save was acknowledged before kill -9" test -s "$dir/acked"
acked=$(wc -l < "$dir/acked")
start
missing=$(python3 scripts/lib/read_back.py "$BASE" "$dir/acked") || fail "the read-back did not run"
echo "acknowledged saves: $acked, missing or wrong after kill -9 and restart: $missing"
kill -TERM "$server"; wait "$server" || true
check "the read-back printed no count: '$missing'" is_number "$missing"
check "at least one save was acknowledged (got $acked)" test "$acked" -gt 0
check "$missing acknowledged saves are missing or wrong after kill -9" test "$missing" -eq 0

echo "== SIGTERM during a load run (drain delay 5 s, load 4 s, SIGTERM after 1 s)"
start 5
wrk -t2 -c16 -d4s "$BASE/api/v1/catalog" > "$dir/wrk.txt" &
load=$!
sleep 1
kill -TERM "$server"
wait "$load" || fail "wrk did not run"
status=0; wait "$server" || status=$?
grep -E "requests in|Non-2xx|Socket errors" "$dir/wrk.txt" || true
check "wrk printed no request count" grep -q "requests in" "$dir/wrk.txt"
if grep -qE "Non-2xx|Socket errors" "$dir/wrk.txt"; then fail "requests failed during SIGTERM"; fi
echo "server exit status after SIGTERM: $status"
check "the server exited $status after SIGTERM, not 0" test "$status" -eq 0
echo "== the largest forecast, asked for by 24 clients that stop reading"
start
python3 - "$PORT" <<'PY'
import json, socket, sys, time, urllib.request
port = int(sys.argv[1])
workload = {"cpu_request_cores": 100, "memory_request_gib": 400, "pods": 500}
fleet = [{"name": f"g{g}", "clusters": 50, "clusters_added_per_year": 50,
          "pools": [{"name": f"p{p}", "instance_type": "m6i.large", "workload": workload}
                    for p in range(10)]} for g in range(20)]
body = json.dumps({"name": "Largest", "input": {"horizon_months": 120, "fleet": fleet}}).encode()
request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/scenarios", body,
                                 {"content-type": "application/json"})
with urllib.request.urlopen(request, timeout=30) as r:
    id_ = json.load(r)["id"]
slow = []
for _ in range(24):
    s = socket.create_connection(("127.0.0.1", port))
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.sendall(f"GET /api/v1/scenarios/{id_}/forecast.json HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    slow.append(s)
time.sleep(4)
with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/scenarios/{id_}/forecast.json",
                            timeout=60) as r:
    rows = len(json.load(r))
print(f"rows: {rows}")
assert rows > 40000, rows
for s in slow:
    s.close()
PY
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
echo "peak RSS: $hwm kB"
check "peak RSS $hwm kB is over 100 MiB with 24 slow readers of the largest forecast" \
  test "$hwm" -lt $((100 * 1024))
kill -TERM "$server"; wait "$server" || true
echo "faults: all checks passed"
