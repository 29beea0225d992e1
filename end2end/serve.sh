#!/usr/bin/env bash
# Starts the release server for the browser tests on loopback with a fresh
# database that disappears with the run.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
LEPTOS_SITE_ROOT=target/site ./target/release/clusterplan serve \
  --addr "127.0.0.1:${1:?port}" --database-url "sqlite://$dir/e2e.db" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid; rm -rf "$dir"' EXIT INT TERM
wait $pid
