#!/usr/bin/env bash
# The API integration suite against PostgreSQL: a throwaway server (see
# scripts/lib/postgres.sh; fsync off, it is thrown away), `cargo test --test api`
# with CLUSTERPLAN_TEST_POSTGRES pointing at it (each test creates its own
# database), then the server is stopped and removed. SQLite's own mechanics
# (the `sqlite_only` module) are skipped, so they are not counted as passed;
# PostgreSQL's own tests (`postgres_only`, #[ignore]d on SQLite) are included.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh

trap pg_stop EXIT
PG_EXTRA_OPTIONS="-c fsync=off" pg_start
# Eight tests at a time: each test's server keeps its own pool (up to eight
# connections), so the whole suite at once could pass PostgreSQL's client cap
# on a slow machine. `--workspace`, as in `make test-rust`: with `-p clusterplan`
# cargo resolves other features for the model and compiles half the workspace again.
CLUSTERPLAN_TEST_POSTGRES="$PG_ADMIN_URL" cargo test --workspace --test api -- --test-threads 8 \
  --skip sqlite_only:: --include-ignored
echo "test-postgres: the API suite passed on PostgreSQL"
