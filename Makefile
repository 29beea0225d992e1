# Clusterplan: `make run` serves the planner, `make test` runs every check.
# Both install what is missing first (scripts/setup.sh is idempotent).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
# wasm-opt comes from the binaryen npm package; cargo-installed tools from ~/.cargo/bin.
export PATH := $(CURDIR)/end2end/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

# One-shot CI builds gain nothing from incremental artefacts, which take GBs.
ifdef CI
export CARGO_INCREMENTAL := 0
endif

ADDR ?= 127.0.0.1:3000
DATABASE_URL ?= sqlite://clusterplan.db

.PHONY: run test setup setup-test build fmt-check clippy audit test-rust test-api-fuzz test-faults test-e2e load

## Build the release site and serve it on $(ADDR) with the SQLite file $(DATABASE_URL).
run: setup build
	LEPTOS_SITE_ROOT=target/site ./target/release/clusterplan serve --addr $(ADDR) --database-url $(DATABASE_URL)

## Every check: formatting, lints (ssr and hydrate), Rust tests, browser tests.
test: setup-test fmt-check clippy audit test-rust build test-api-fuzz test-faults test-e2e
	@echo "make test: all checks passed"

setup:
	./scripts/setup.sh

setup-test:
	./scripts/setup.sh --test

## The release server binary plus the optimised wasm bundle in target/site.
build:
	cargo leptos build --release

fmt-check:
	cargo fmt --all --check

clippy:
	cargo clippy --workspace --exclude clusterplan-app --all-targets -- -D warnings
	cargo clippy -p clusterplan-app --features ssr --all-targets -- -D warnings
	cargo clippy -p clusterplan-app --features hydrate --target wasm32-unknown-unknown -- -D warnings

## RustSec advisories, from the snapshot beside the repo (no network).
## Allowed: RUSTSEC-2024-0436 (paste unmaintained; see docs/RELIABILITY.md).
ADVISORY_DB ?= ../shared/advisory-db
audit:
	@test -d $(ADVISORY_DB)/crates || { echo "audit: no advisory database at $(ADVISORY_DB) (set ADVISORY_DB=…)" >&2; exit 1; }
	cargo audit --db $(ADVISORY_DB) --no-fetch --deny warnings --ignore RUSTSEC-2024-0436

test-rust:
	cargo test --workspace --exclude clusterplan-app
	cargo test -p clusterplan-app --features ssr

## schemathesis against the served OpenAPI document (fixed seed, bounded examples).
test-api-fuzz:
	./scripts/api-fuzz.sh

## kill -9 during concurrent saves, SIGTERM during load (scripts/faults.sh).
test-faults:
	./scripts/faults.sh

## Load figures for docs/PERFORMANCE.md (not part of `make test`).
load: build
	./scripts/load.sh

test-e2e:
	cd end2end && E2E_PORT=$$(../scripts/free-port.sh) npx playwright test
