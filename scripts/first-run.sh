#!/usr/bin/env bash
# Measures a new user's first `make run` (issue 24, docs/PERFORMANCE.md "First
# run"): a fresh CARGO_HOME holding only rustup's proxies (no cargo-installed
# tools, a cold crates.io registry), a fresh clone of this repository's HEAD and
# an empty target/, timed until /healthz answers. npm's cache is left as it is.
# Prints the seconds and the load average; leaves nothing running and removes
# its directory (2.6 GB) unless KEEP=1.
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
base=$(mktemp -d)
export CARGO_HOME=$base/cargo
mkdir -p "$CARGO_HOME/bin"
for tool in cargo rustc rustup rustfmt cargo-fmt cargo-clippy clippy-driver rustdoc; do
  cp -P "$HOME/.cargo/bin/$tool" "$CARGO_HOME/bin/" 2>/dev/null || true
done
PATH=$CARGO_HOME/bin:$(echo "$PATH" | tr : '\n' | grep -vx "$HOME/.cargo/bin" | paste -sd:)
export PATH
git clone -q "$repo" "$base/repo" && cd "$base/repo" || exit 1
port=$(./scripts/free-port.sh)
echo "first-run: start $(date +%T), load $(cut -d' ' -f1-3 /proc/loadavg), log $base/run.log"
start=$SECONDS
setsid make run ADDR="127.0.0.1:$port" DATABASE_URL="sqlite://$base/first.db" > "$base/run.log" 2>&1 &
runner=$!
until curl -fsS "127.0.0.1:$port/healthz" > /dev/null 2>&1; do
  sleep 2
  if ! kill -0 "$runner" 2>/dev/null || [ $((SECONDS - start)) -gt 3600 ]; then
    echo "first-run: make run stopped or took over an hour; see $base/run.log" >&2
    exit 1
  fi
done
echo "first-run: served after $((SECONDS - start)) s at $(date +%T), load $(cut -d' ' -f1-3 /proc/loadavg)"
kill -- -"$runner" 2>/dev/null
wait "$runner" 2>/dev/null
[ "${KEEP:-0}" = 1 ] || rm -rf "$base"
