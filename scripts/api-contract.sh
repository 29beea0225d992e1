#!/usr/bin/env bash
# The API contract, proven by tools nobody here wrote: openapi-spec-validator
# checks the served OpenAPI document, openapi-python-client generates a Python
# client from it (any warning fails: a generator that skips a schema or an
# endpoint is a defect in the document), and that client drives a release
# server on loopback (scripts/api_contract_client.py).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/serve.sh

VALIDATOR_VERSION=0.9.0
GENERATOR_VERSION=0.29.1
PORT=${API_CONTRACT_PORT:-$(./scripts/free-port.sh)}
venv=.tools/contract-venv

if ! "$venv/bin/openapi-python-client" --version 2>/dev/null | grep -q "$GENERATOR_VERSION" \
  || ! "$venv/bin/pip" show openapi-spec-validator 2>/dev/null | grep -q "Version: $VALIDATOR_VERSION"; then
  echo "api-contract: installing openapi-spec-validator $VALIDATOR_VERSION and openapi-python-client $GENERATOR_VERSION into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "openapi-spec-validator==$VALIDATOR_VERSION" "openapi-python-client==$GENERATOR_VERSION"
fi

dir=$(mktemp -d)
serve_release "$PORT" "sqlite://$dir/contract.db" "$dir/server.log"
server=$SERVER_PID
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$dir"' EXIT
wait_ready api-contract "$PORT" "$server" "$dir/server.log"

curl -fsS "http://127.0.0.1:$PORT/api/v1/openapi.json" > "$dir/openapi.json"
"$venv/bin/openapi-spec-validator" "$dir/openapi.json"

printf 'post_hooks: []\nproject_name_override: clusterplan_client\npackage_name_override: clusterplan_client\n' > "$dir/config.yaml"
"$venv/bin/openapi-python-client" generate --path "$dir/openapi.json" --config "$dir/config.yaml" \
  --meta none --output-path "$dir/generated/clusterplan_client" > "$dir/generate.log" 2>&1 \
  || { cat "$dir/generate.log" >&2; exit 1; }
if grep -qiE "warning|unable|error" "$dir/generate.log"; then
  echo "api-contract: the generator could not use all of the document:" >&2
  cat "$dir/generate.log" >&2
  exit 1
fi
echo "api-contract: client generated from the served document without warnings"

"$venv/bin/python" scripts/api_contract_client.py "$dir/generated" "http://127.0.0.1:$PORT"
echo "api-contract: all checks passed"
