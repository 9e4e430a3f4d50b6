#!/usr/bin/env bash
# npm run test:repeat [-- N]: the end-to-end tests, then the demo, N times each in a row (10 by
# default). A test that passes 9 times in 10 fails CI one submission in ten: run this before every
# change to flows, the worker, storage, Slack or the stand-ins. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
npm run build --silent
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
for i in $(seq 1 "$runs"); do
  if ! npx vitest run test/e2e >"$log" 2>&1; then
    tail -60 "$log"
    echo "end-to-end tests: run $i of $runs FAILED"
    exit 1
  fi
  echo "end-to-end tests: run $i of $runs passed ($(grep -E '^[0-9]+ passed' "$log"))"
done
for i in $(seq 1 "$runs"); do
  if ! node dist/demo/run.js >"$log" 2>&1; then
    cat "$log"
    echo "demo: run $i of $runs FAILED"
    exit 1
  fi
  echo "demo: run $i of $runs passed ($(tail -1 "$log"))"
done
echo "$((runs * 2)) passed, 0 failed"
