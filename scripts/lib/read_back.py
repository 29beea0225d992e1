"""Counts acknowledged saves that do not read back: each line of FILE is
"<id> <name>", and GET BASE/api/v1/scenarios/<id> must answer that name.
Used by scripts/faults.sh (after kill -9 and a restart) and scripts/ha.sh
(through the balancer after a replica was killed). Prints the count."""
import json
import sys
import urllib.request

base, path = sys.argv[1], sys.argv[2]
missing = 0
for line in open(path):
    scenario_id, name = line.split()
    try:
        with urllib.request.urlopen(f"{base}/api/v1/scenarios/{scenario_id}", timeout=10) as r:
            missing += json.load(r)["name"] != name
    except Exception:
        missing += 1
print(missing)
