#!/usr/bin/env bash
# Starts N portal instances (default 2) on ports 3001.. against one PostgreSQL database
# (PORTAL_DEMO=1 seeds the demo data; every other setting is read from the environment too).
#   DATABASE_URL=postgres://user:pass@db-host/portal deploy/run-instances.sh 2
# Build first (scripts/run.sh or `cargo leptos build --release`). Ctrl-C stops them all.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
count=${1:-2}
: "${DATABASE_URL:?set DATABASE_URL to the shared PostgreSQL database}"
binary=${PORTAL_BINARY:-${CARGO_TARGET_DIR:-$HOME/.cache/support-portal/target}/release/server}
export LEPTOS_SITE_ROOT=${LEPTOS_SITE_ROOT:-$root/target/site}
# The instances sit behind nginx: without this every client would be nginx's address, and one
# attacker could trip the throttles for everybody.
export PORTAL_TRUST_PROXY=${PORTAL_TRUST_PROXY:-1}
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM
for i in $(seq 1 "$count"); do
  LEPTOS_SITE_ADDR=127.0.0.1:$((3000 + i)) "$binary" &
  pids+=($!)
done
wait
