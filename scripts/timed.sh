#!/usr/bin/env bash
# Runs make targets one after another, as `make test` does, and prints how long
# each took: a line as each ends and a table at the end (also when a step fails,
# for the steps run so far), so a CI log shows where the time goes.
# Usage: MAKE=make scripts/timed.sh TARGET...
set -uo pipefail
make=${MAKE:-make}
table=()
total_start=$SECONDS
report() {
  printf '\n\033[1mtimes:\033[0m step, minutes (seconds)\n'
  printf '%s\n' "${table[@]}"
  local total=$((SECONDS - total_start))
  printf '  %-18s %5.1f (%d s)\n' total "$(awk "BEGIN{print $total/60}")" "$total"
}
for step in "$@"; do
  start=$SECONDS
  $make --no-print-directory "$step"
  status=$?
  took=$((SECONDS - start))
  line=$(printf '  %-18s %5.1f (%d s)' "$step" "$(awk "BEGIN{print $took/60}")" "$took")
  table+=("$line")
  printf '\033[1mtimes:\033[0m %s took %d s\n' "$step" "$took"
  if [ "$status" -ne 0 ]; then
    table+=("  ($step failed, exit $status)")
    report
    exit "$status"
  fi
done
report
