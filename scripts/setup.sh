#!/usr/bin/env bash
# Installs whatever this machine lacks to build (and, with --test, to test)
# Clusterplan. Idempotent: each step checks first and skips what is in place.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10
# Must equal the `wasm-bindgen` crate pinned in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
with_test_tools=false
[ "${1:-}" = "--test" ] && with_test_tools=true

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  # no_downloads: use wasm-bindgen and wasm-opt from PATH (downloads fail here).
  # --debug: a debug build of the tool compiles in 9 minutes instead of 20 on
  # two cores, and it only drives cargo, wasm-bindgen and wasm-opt, so its own
  # speed is not what a build waits for (docs/PERFORMANCE.md, "First run").
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 9 minutes, once)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads --debug
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  # Not --locked: the CLI's own lock file pins crates that no longer build here.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# npm packages: binaryen's wasm-opt for the release build, Playwright for tests.
stamp=end2end/node_modules/.installed-from-lock
if [ ! -f "$stamp" ] || ! cmp -s end2end/package-lock.json "$stamp"; then
  say "installing npm packages in end2end/"
  (cd end2end && npm ci --no-audit --no-fund)
  cp end2end/package-lock.json "$stamp"
fi

# brotli: the release build writes brotli copies of the static assets
# (scripts/precompress.sh).
if ! command -v brotli >/dev/null 2>&1; then
  say "installing brotli"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq brotli
fi

if $with_test_tools; then
  if ! cargo audit --version 2>/dev/null | grep -q "0.22.2"; then
    # --debug, as for cargo-leptos: it only reads the lock file and the advisories.
    say "installing cargo-audit 0.22.2 (a few minutes, once)"
    cargo install cargo-audit --version 0.22.2 --locked --debug
  fi
  # wrk: the load generator of the fault runs (SIGTERM during load); haproxy:
  # the balancer of the rolling-update run (scripts/ha.sh).
  if ! command -v wrk >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1 \
    || ! command -v haproxy >/dev/null 2>&1; then
    apt-get update -qq
  fi
  if ! command -v haproxy >/dev/null 2>&1; then
    say "installing haproxy"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy
  fi
  if ! command -v wrk >/dev/null 2>&1; then
    say "installing wrk"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
  fi
  if ! command -v chromium >/dev/null 2>&1; then
    say "installing Debian's Chromium for the browser tests"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  fi
fi
say "ready"
