#!/usr/bin/env bash
# The planner and a shared page in Lighthouse's mobile preset (issue 24): the
# release build (`make build` first) served on loopback, RUNS runs of each page
# (default 5), each run's scores and the medians printed. Lighthouse simulates
# a slow phone from the trace of an unthrottled load, so another process's load
# on this machine moves its figures: run it on a quiet machine. Not part of
# `make test` for that reason (docs/PERFORMANCE.md, "Lighthouse").
# Tools: lighthouse 12.8.2 from npm into .tools/lighthouse (pinned), Debian's
# Chromium (scripts/setup.sh --test installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/serve.sh

RUNS=${RUNS:-5}
tools=.tools/lighthouse
if [ ! -x "$tools/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --silent lighthouse@12.8.2
fi
[ -x target/release/clusterplan ] || { echo "lighthouse: run make build first" >&2; exit 1; }

serve_scratch lighthouse
id=$(curl -fsS "http://127.0.0.1:$PORT/api/v1/scenarios" -H 'content-type: application/json' \
  -d '{"name": "Lighthouse"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

for page in / "/s/$id"; do
  echo "== $page, $RUNS runs (load average $(cut -d' ' -f1 /proc/loadavg))"
  for run in $(seq "$RUNS"); do
    CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} "$tools/node_modules/.bin/lighthouse" \
      "http://127.0.0.1:$PORT$page" --form-factor=mobile --only-categories=performance,accessibility \
      --chrome-flags="--headless=new --no-sandbox" --output=json --quiet \
      --output-path="$dir/run$run.json" 2>/dev/null
  done
  python3 - "$dir" "$RUNS" <<'PY'
import json, statistics, sys
folder, runs = sys.argv[1], int(sys.argv[2])
rows = []
for run in range(1, runs + 1):
    report = json.load(open(f"{folder}/run{run}.json"))
    audits, categories = report["audits"], report["categories"]
    rows.append({
        "performance": round(categories["performance"]["score"] * 100),
        "accessibility": round(categories["accessibility"]["score"] * 100),
        "TBT ms": round(audits["total-blocking-time"]["numericValue"]),
        "LCP ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "FCP ms": round(audits["first-contentful-paint"]["numericValue"]),
    })
for row in rows:
    print("  " + ", ".join(f"{k} {v}" for k, v in row.items()))
print("  median: " + ", ".join(f"{k} {statistics.median(r[k] for r in rows):g}" for k in rows[0]))
PY
done
