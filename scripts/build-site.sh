#!/usr/bin/env bash
# The release build of `make build`: what `cargo leptos build --release`
# (cargo-leptos 0.3.10) does with Cargo.toml's [[workspace.metadata.leptos]],
# without installing cargo-leptos, a tool that takes 10 minutes to compile on
# two cores (docs/DECISIONS.md, "Release build without cargo-leptos"):
#   - the app's lib for wasm32 (profile wasm-release, feature hydrate, in
#     $target/front), then wasm-bindgen, wasm-opt -Os and swc's JS minifier;
#   - public/ copied into the site root; public/style.css minified by
#     Lightning CSS for the browserslist query `defaults` into pkg/;
#   - content-hashed names in pkg/ and hash.txt beside the server binary and in the site root
#     (scripts/finish-site.mjs);
#   - the server binary (release profile), with the same LEPTOS_* variables.
# Unlike cargo-leptos, the server compiles while the bundle is built: on two
# cores each of the two builds leaves a core idle for minutes (the wasm's
# single-unit LTO, the server's last crates).
# Tools: wasm-bindgen-cli (scripts/setup.sh), and wasm-opt, lightningcss and
# @swc/core from end2end/node_modules (the Makefile puts its .bin on PATH).
set -euo pipefail
cd "$(dirname "$0")/.."

# The values of [[workspace.metadata.leptos]] (keep the two in step).
output_name=clusterplan
site_root=target/site
pkg_dir=pkg
target=${CARGO_TARGET_DIR:-target}
pkg="$site_root/$pkg_dir"

# The variables cargo-leptos passes to both cargo builds. Leptos reads them at
# compile time (LEPTOS_OUTPUT_NAME) or at run time when the server does not set
# the option itself (server/src/startup.rs sets output name, site root and
# hash-files). `--cfg erase_components`: always-erase-components.
export LEPTOS_OUTPUT_NAME=$output_name LEPTOS_SITE_ROOT=$site_root \
  LEPTOS_SITE_PKG_DIR=$pkg_dir LEPTOS_SITE_ADDR=127.0.0.1:3000 LEPTOS_RELOAD_PORT=3001 \
  LEPTOS_LIB_DIR=app LEPTOS_BIN_DIR=server LEPTOS_JS_MINIFY=true \
  LEPTOS_HASH_FILES=true LEPTOS_HASH_FILE_NAME=hash.txt
export RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }--cfg erase_components"

say() { printf '\033[1mbuild-site:\033[0m %s\n' "$*"; }

front() {
  cargo build --package=clusterplan-app --lib --target-dir="$target/front" \
    --target=wasm32-unknown-unknown --no-default-features --features=hydrate \
    --profile=wasm-release
  say "wasm-bindgen, wasm-opt"
  wasm-bindgen --target=web --out-name=$output_name --out-dir="$pkg" \
    "$target/front/wasm32-unknown-unknown/wasm-release/app.wasm"
  # HydrationScripts asks for NAME.wasm, not wasm-bindgen's NAME_bg.wasm.
  mv "$pkg/${output_name}_bg.wasm" "$pkg/$output_name.wasm"
  # -Os until nothing changes, not -Oz: 3.1 KB less over the wire (brotli)
  # for 57 KB more raw and no more blocking time in Lighthouse; -O1 would save
  # 20 KB but block the phone's main thread ~90 ms longer (docs/PERFORMANCE.md,
  # "wasm-opt's level"). --converge costs ~16 s, beside the server's build.
  wasm-opt -Os --converge --enable-bulk-memory --enable-nontrapping-float-to-int \
    "$pkg/$output_name.wasm" -o "$pkg/$output_name.wasm"
}

server() {
  cargo build --package=clusterplan --bin=clusterplan --no-default-features --release
}

# cargo-leptos empties the site root first: no stale hashed file survives.
rm -rf "$site_root"
mkdir -p "$pkg"
cp -R public/. "$site_root/"
lightningcss --minify --targets defaults public/style.css -o "$pkg/$output_name.css"

say "the wasm bundle and the server, side by side"
front &
front_pid=$!
server_status=0
server || server_status=$?
front_status=0
wait "$front_pid" || front_status=$?
[ "$front_status" = 0 ] || { say "the wasm bundle failed" >&2; exit 1; }
[ "$server_status" = 0 ] || { say "the server failed" >&2; exit 1; }

node scripts/finish-site.mjs "$pkg" $output_name "$target/release/hash.txt"
# And in the site root, for a binary copied away from target/release
# (server/src/routes/assets.rs looks beside the binary, then there).
cp "$target/release/hash.txt" "$site_root/hash.txt"
