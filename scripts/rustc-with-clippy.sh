#!/bin/sh
# RUSTC_WORKSPACE_WRAPPER of `make test`'s Rust build (the Makefile sets it):
# our own crates are compiled by clippy-driver, rustc with Clippy's lints, so
# one build both lints every target and makes the test binaries, where
# `cargo clippy` would first check the whole dependency tree a second time
# (docs/PERFORMANCE.md). `-D warnings` is what `cargo clippy -- -D warnings`
# denies. Cargo passes the rustc to run as the first argument, which
# clippy-driver expects; dependencies are compiled by plain rustc.
# clippy-driver turns MIR optimisations off (for its lints): the test
# binaries differ from plain rustc's in that only. Cargo does not see a
# change to this file: after editing it, `cargo clean -p` our crates.
exec clippy-driver "$@" -D warnings
