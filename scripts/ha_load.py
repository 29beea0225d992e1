"""Load for scripts/ha.sh: writer threads save scenarios and reader threads
read one, all through the balancer, until the stop file appears. Prints one
JSON line of figures; every acknowledged save (201) is appended to the acked
file as `id name`. With a mark file, requests answered after it appears are
counted again on their own (`after_mark`): ha.sh touches it when it kills a
replica, so the figures say what the survivor served.

Usage: ha_load.py <base URL> <acked file> <stop file> <phase name> [mark file]
"""

import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request

base, acked_path, stop_path, phase = sys.argv[1:5]
mark_path = sys.argv[5] if len(sys.argv) > 5 else None
lock = threading.Lock()
figures = {"phase": phase, "requests": 0, "failed": 0, "saves_acknowledged": 0, "errors": []}
after = {"requests": 0, "failed": 0, "saves_acknowledged": 0}


def marked():
    return mark_path is not None and os.path.exists(mark_path)


def count(ok, what=""):
    is_after = marked()
    with lock:
        figures["requests"] += 1
        if is_after:
            after["requests"] += 1
            after["failed"] += not ok
        if not ok:
            figures["failed"] += 1
            if len(figures["errors"]) < 5:
                figures["errors"].append(what)


def call(request):
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""
    except Exception as error:  # socket errors count as failures
        return None, repr(error).encode()


def writer(n):
    i = 0
    while not os.path.exists(stop_path):
        name = f"{phase}-w{n}-{i}"
        body = json.dumps({"name": name, "input": {"clusters": 1 + i % 50}}).encode()
        request = urllib.request.Request(
            base + "/api/v1/scenarios", body, {"content-type": "application/json"}
        )
        status, payload = call(request)
        count(status == 201, f"POST {status} {payload[:80]!r}")
        if status == 201:
            is_after = marked()
            with lock, open(acked_path, "a") as out:
                out.write(f"{json.loads(payload)['id']} {name}\n")
                figures["saves_acknowledged"] += 1
                after["saves_acknowledged"] += is_after
        i += 1


def reader(path):
    while not os.path.exists(stop_path):
        status, payload = call(urllib.request.Request(base + path))
        count(status == 200, f"GET {status} {payload[:80]!r}")


seed = json.loads(
    call(
        urllib.request.Request(
            base + "/api/v1/scenarios",
            json.dumps({"name": f"{phase}-read", "input": {}}).encode(),
            {"content-type": "application/json"},
        )
    )[1]
)
threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
threads += [threading.Thread(target=reader, args=(f"/api/v1/scenarios/{seed['id']}",)) for _ in range(4)]
started = time.time()
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
figures["seconds"] = round(time.time() - started, 1)
if mark_path is not None:
    figures["after_mark"] = after
print(json.dumps(figures))
