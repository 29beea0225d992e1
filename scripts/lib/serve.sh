# Sourced by the scripts that run the release server on loopback (api-fuzz,
# api-contract, faults, ha, load).
#   serve_release PORT DATABASE_URL LOG [serve options...]
#     starts ./target/release/clusterplan (or $CLUSTERPLAN_BIN) in the background
#     with the built site and a write budget no test run reaches; its stderr is
#     appended to LOG and its pid left in SERVER_PID.
#   serve_scratch NAME
#     the usual run of one server: PORT from $LOAD_PORT or a free one, a
#     scratch directory in `dir` with NAME.db and server.log, the server killed
#     and the directory removed on exit, ready before it returns.
#   wait_ready NAME PORT PID LOG
#     waits up to 20 s for /readyz; if the process died or never got ready, says
#     so as NAME, prints LOG and exits 1.

serve_release() {
  local port=$1 database=$2 log=$3
  shift 3
  # glibc's malloc as the container image sets it (deploy/Containerfile).
  LEPTOS_SITE_ROOT=target/site MALLOC_MMAP_THRESHOLD_=${MALLOC_MMAP_THRESHOLD_:-4194304} \
    CLUSTERPLAN_WRITE_LIMIT_PER_MINUTE=${CLUSTERPLAN_WRITE_LIMIT_PER_MINUTE:-1000000} \
    "${CLUSTERPLAN_BIN:-./target/release/clusterplan}" serve \
    --addr "127.0.0.1:$port" --database-url "$database" "$@" 2>> "$log" &
  SERVER_PID=$!
}

wait_ready() {
  local name=$1 port=$2 pid=$3 log=$4
  for _ in $(seq 200); do
    curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "$name: the server on port $port did not become ready:" >&2
  cat "$log" >&2
  exit 1
}

serve_scratch() {
  PORT=${LOAD_PORT:-$(./scripts/free-port.sh)}
  dir=$(mktemp -d)
  serve_release "$PORT" "sqlite://$dir/$1.db" "$dir/server.log"
  server=$SERVER_PID
  trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$dir"' EXIT
  wait_ready "$1" "$PORT" "$server" "$dir/server.log"
}
