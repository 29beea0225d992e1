#!/usr/bin/env bash
# Load test on loopback: wrk against the release server's /healthz (the ceiling: a
# handler that does nothing, through the same middleware), POST /api/v1/calculate
# with the default scenario (its answer kept) and with a new body each time, a
# shared-scenario page and one of its charts, and the planner; last, every cache
# filled and the import that holds the most, for the peak RSS. Bounded: DURATION seconds
# per endpoint. Prints req/s and latency percentiles for each, and fails when
# wrk saw a non-2xx answer or a socket error (connect, read, write, timeout):
# a throughput figure is only made of successful requests. No run here expects
# any (the rendering routes' load shedding answers 503 only past its 2 s wait).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/serve.sh

DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

serve_scratch load

id=$(curl -fsS "http://127.0.0.1:$PORT/api/v1/scenarios" -H 'content-type: application/json' \
  -d '{"name": "Load test"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
cat > "$dir/calculate.lua" <<'LUA'
wrk.method = "POST"
wrk.body = "{}"
wrk.headers["Content-Type"] = "application/json"
LUA
# A body no recent request has sent, every time: the calculation itself, with no
# kept answer (service/src/answer_cache.rs holds the last 50 to 250). Each wrk
# thread writes its 50,000 requests before the clock starts (the two threads
# count odd and even) and sends them in turn: formatting each in Lua as it was
# sent took wrk's share of the two cores, 6-7 % of the requests per second in
# two A/B rounds (docs/PERFORMANCE.md).
cat > "$dir/calculate-new.lua" <<'LUA'
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
local requests, n, count = {}, 0, 50000
function init(args)
  for i = 1, count do
    local body = string.format('{"team": {"annual_cost_usd": %d}}', 100000 + 2 * i + id)
    requests[i] = wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
  end
end
function request()
  n = n % count + 1
  return requests[n]
end
LUA

# Each endpoint as a share of the /healthz ceiling measured in this same run.
ceiling=""
fail() { echo "load: FAILED: $*" >&2; exit 1; }
# The server's own CPU time (user, system; /proc/PID/stat fields 14 and 15).
server_cpu() { awk '{print $14, $15}' "/proc/$server/stat"; }
run() {
  echo "== $1"
  local before after
  before=$(server_cpu)
  # bash's `time`: wrk's own user and system seconds, into wrk.cpu.
  { TIMEFORMAT='%U %S'; time wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "${@:2}" > "$dir/wrk.out"; } 2> "$dir/wrk.cpu"
  after=$(server_cpu)
  grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|99)%" "$dir/wrk.out"
  # wrk prints these two lines only when there was at least one.
  if grep -qE "Non-2xx|Socket errors" "$dir/wrk.out"; then
    fail "$1: wrk saw failed requests: $(grep -E "Non-2xx|Socket errors" "$dir/wrk.out" | tr -s ' ')"
  fi
  local requests rps
  requests=$(awk '/requests in/ {print $1}' "$dir/wrk.out")
  [[ "$requests" =~ ^[0-9]+$ && "$requests" -gt 0 ]] || fail "$1: wrk made no requests"
  rps=$(awk '/Requests\/sec/ {print $2}' "$dir/wrk.out")
  # Where the two cores went, per request: the server's CPU and wrk's (both
  # user and system; wrk's system time is the kernel's side of the client).
  echo "$before $after $(cat "$dir/wrk.cpu")" | awk -v n="$requests" -v tick="$(getconf CLK_TCK)" \
    '{printf "   CPU per request: server user %.1f µs, system %.1f µs; wrk %.1f µs\n", ($3-$1)/tick*1e6/n, ($4-$2)/tick*1e6/n, ($5+$6)*1e6/n}'
  if [ -z "$ceiling" ]; then
    ceiling=$rps
  else
    awk -v r="$rps" -v c="$ceiling" 'BEGIN {printf "   share of the ceiling: %.1f %%\n", 100 * r / c}'
  fi
}
run "GET /healthz (ceiling)" "http://127.0.0.1:$PORT/healthz"
run "POST /api/v1/calculate {} (the same body: its answer kept)" -s "$dir/calculate.lua" "http://127.0.0.1:$PORT/api/v1/calculate"
run "POST /api/v1/calculate, every body new (calculated each time)" -s "$dir/calculate-new.lua" "http://127.0.0.1:$PORT/api/v1/calculate"
run "GET /s/{id} (shared page, 4 charts)" "http://127.0.0.1:$PORT/s/$id"
run "GET /s/{id}/charts/cumulative.svg" "http://127.0.0.1:$PORT/s/$id/charts/cumulative.svg"
run "GET / (planner, the default page kept)" "http://127.0.0.1:$PORT/"
for page in "/s/$id" "/"; do
  bytes=$(curl -fsS "http://127.0.0.1:$PORT$page" | wc -c)
  echo "== $page: $bytes bytes of HTML"
done
# Every cache full, as a long-running server's would be: 400 saved scenarios
# (more than the page and result caches hold), each page and chart viewed, and
# 400 calculations with a Monte Carlo (more than the kept answers hold).
echo "== filling the caches: 400 scenarios, each page and its charts viewed; 400 calculations"
python3 - "http://127.0.0.1:$PORT" <<'PY'
import json, sys, urllib.request
from concurrent.futures import ThreadPoolExecutor
base = sys.argv[1]
def view(i):
    body = json.dumps({"name": f"Fill {i}", "input": {"clusters": 1 + i}}).encode()
    request = urllib.request.Request(base + "/api/v1/scenarios", body, {"content-type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as r:
        id_ = json.load(r)["id"]
    body = json.dumps({"clusters": 1 + i, "uncertainty": {"samples": 1000, "ranges": [
        {"field": "team.annual_cost_usd", "low": 150000, "high": 250000}]}}).encode()
    request = urllib.request.Request(base + "/api/v1/calculate", body, {"content-type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as r:
        r.read()
    for path in ["", "/charts/cumulative.svg", "/charts/breakdown.svg", "/charts/capacity.svg",
                 "/charts/breakeven.svg", "/charts/sensitivity.svg"]:
        with urllib.request.urlopen(f"{base}/s/{id_}{path}", timeout=30) as r:
            r.read()
with ThreadPoolExecutor(8) as pool:
    list(pool.map(view, range(400)))
PY
# Then the import that holds the most, on top of them: the most items the import
# reads (5,000 nodes, 20,000 pods), each with every string it keeps at the
# longest it keeps (names 253 bytes, label values 63: model/src/kube/clip.rs),
# about 26 MB, pasted into the import page's form, the path that holds the
# body and the field's text at once.
echo "== the largest import pasted into /import: 5,000 nodes, 20,000 pods, every kept string at its limit"
python3 - "$dir/kubectl.json" <<'PY'
import json, sys
def name(kind, k):
    return f"{kind}-{k}-".ljust(253, "x")
long_label = "x" * 63
labels = {key: long_label for key in [
    "node.kubernetes.io/instance-type", "beta.kubernetes.io/instance-type",
    "eks.amazonaws.com/capacityType", "karpenter.sh/capacity-type",
    "eks.amazonaws.com/compute-type"]}
nodes = [{"kind": "Node",
          "metadata": {"name": name("node", k), "labels": {
              "node.kubernetes.io/instance-type": "m6i.xlarge",
              "eks.amazonaws.com/capacityType": "ON_DEMAND"}},
          "status": {"capacity": {"cpu": "4", "memory": "15896064Ki", "pods": "58"}}}
         for k in range(5000)]
pods = [{"kind": "Pod",
         "metadata": {"name": name("pod", k), "labels": labels},
         "spec": {"nodeName": name("node", k % 5000),
                  "containers": [{"resources": {"requests": {"cpu": "100m", "memory": "128Mi"}}}]},
         "status": {"phase": "Running"}}
        for k in range(20000)]
json.dump({"kind": "List", "items": nodes + pods}, open(sys.argv[1], "w"), separators=(",", ":"))
PY
echo "   $(wc -c < "$dir/kubectl.json") bytes"
status=$(curl -sS -o "$dir/imported.html" -w '%{http_code}' -H "origin: http://127.0.0.1:$PORT" \
  -F "kubectl=<$dir/kubectl.json" "http://127.0.0.1:$PORT/import")
[ "$status" = 200 ] && grep -q 'data-testid="open-planner"' "$dir/imported.html" ||
  fail "the import page answered $status without the imported plan"
# The deploy manifests' memory limit is this peak plus 25 % (docs/DEPLOY.md).
echo "== peak RSS of the server: $(awk '/VmHWM/ {print $2, $3}' "/proc/$server/status")"
