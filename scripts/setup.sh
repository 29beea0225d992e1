#!/usr/bin/env bash
# Installs whatever this machine lacks to build (and, with --test, to test)
# Clusterplan. Idempotent: each step checks first and skips what is in place.
set -euo pipefail
cd "$(dirname "$0")/.."

# Must equal the `wasm-bindgen` crate pinned in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
with_test_tools=false
[ "${1:-}" = "--test" ] && with_test_tools=true

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  # Not --locked: the CLI's own lock file pins crates that no longer build here.
  # --debug: it compiles in about half the time, and a debug wasm-bindgen still
  # takes only seconds over our bundle (docs/PERFORMANCE.md, "Build and test times").
  # --no-default-features: without rustls (and ring's C), which only the test
  # runner's downloads use; wasm-bindgen's output is the same.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force --debug --no-default-features
fi

# npm packages: the release build's wasm-opt (binaryen), CSS and JS minifiers
# (lightningcss-cli, @swc/core; scripts/build-site.sh), and Playwright for tests.
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
    # --debug, as for wasm-bindgen-cli: it only reads the lock file and the advisories.
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
