#!/usr/bin/env bash
# Writes brotli (quality 11) and gzip (-9) copies beside each JS, wasm and CSS
# file of the built site, for the server to send to browsers that accept them
# (server/src/routes/assets.rs). Copies whose source did not change are kept.
set -euo pipefail
cd "$(dirname "$0")/.."
site=${1:-target/site}
for file in "$site"/pkg/*.js "$site"/pkg/*.wasm "$site"/pkg/*.css; do
  [ -f "$file" ] || continue
  [ "$file.br" -nt "$file" ] || brotli -q 11 -f -k -o "$file.br" "$file"
  [ "$file.gz" -nt "$file" ] || gzip -9 -n -c "$file" > "$file.gz"
done
echo "precompress: $(ls "$site"/pkg/*.br | wc -l) brotli and $(ls "$site"/pkg/*.gz | wc -l) gzip copies in $site/pkg"
