#!/usr/bin/env bash
# FOCUS conformance of the forecast: writes the forecast CSV of a plain v1 default
# scenario and of the fleet preset through the service's own code
# (service/examples/focus_forecast.rs: save, read back, Service::forecast, to_csv)
# and runs the FinOps Foundation's validator on each (../shared/tools/focus-validate.sh,
# or $FOCUS_VALIDATE). Exits 1 when any file fails.
#
# One rule failure is tolerated, by name, and only while the rule it is a branch of
# passes: InvoiceId-C-005-C under the OR InvoiceId-C-003-C. Both branches of that OR
# have an empty condition in the FOCUS 1.2 rules, so one of them fails on any data
# (docs/DECISIONS.md › Finance tooling › Forecast: FOCUS conformance).
set -euo pipefail
cd "$(dirname "$0")/.."

VALIDATE=${FOCUS_VALIDATE:-../shared/tools/focus-validate.sh}
TOLERATED=InvoiceId-C-005-C
TOLERATED_PARENT=InvoiceId-C-003-C

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# Built with the package selection of `make test`'s other cargo runs (the whole
# workspace): `-p clusterplan-service` alone resolves other features for the model
# and its dependencies and compiles them again (docs/PERFORMANCE.md).
cargo build --quiet --workspace --example focus_forecast
"${CARGO_TARGET_DIR:-target}/debug/examples/focus_forecast" "$dir"

# Validates one CSV. Returns 0 when the validator passes, or when its only failure
# is the tolerated one and that rule's parent passed; 1 otherwise. Written with
# explicit checks: it is called from an `if`, where `set -e` does not apply.
check() {
  local csv=$1 out rc=0 summary fails failed
  out=$("$VALIDATE" "$csv" 2>&1) || rc=$?
  summary=$(grep -E '^focus-validate: Total: ' <<<"$out" || true)
  echo "focus: $(basename "$csv"): ${summary:-no summary (exit $rc)}"
  if [ "$rc" -eq 0 ]; then
    return 0
  fi
  fails=$(sed -nE 's/.*\| Fail: ([0-9]+) .*/\1/p' <<<"$summary")
  failed=$(sed -nE 's/^❌ ([A-Za-z0-9-]+): FAIL .*/\1/p' <<<"$out" | sort -u)
  if [ "$rc" -eq 1 ] && [ "$fails" = 1 ] && [ "$failed" = "$TOLERATED" ] &&
    grep -qF "✅ $TOLERATED_PARENT: PASS" <<<"$out"; then
    echo "focus: $(basename "$csv"): only $TOLERATED fails, and $TOLERATED_PARENT passes: accepted"
    return 0
  fi
  echo "focus: $(basename "$csv") does not conform:" >&2
  sed -n '/^--- Failures ---/,$p' <<<"$out" >&2
  [ -n "$summary" ] || echo "$out" >&2
  return 1
}

status=0
for name in v1-default fleet-preset; do
  if ! check "$dir/$name.csv"; then
    status=1
  fi
done
exit "$status"
