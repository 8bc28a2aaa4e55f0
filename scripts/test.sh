#!/usr/bin/env bash
# Installs what the tests need and runs every test: format, lints, unit/property/integration
# tests, then Playwright in Chromium against the release server.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

ensure_build_tools
ensure_test_tools

log "format and lints"
cargo fmt --all --check
cargo clippy -p domain -p app -p server --all-targets --locked -- -D warnings
# The browser half of `app` (hydrate feature) only exists for wasm32.
cargo clippy -p frontend --target wasm32-unknown-unknown --locked -- -D warnings

# A hung test must fail the run with its name, not use up CI's time: every HTTP request in the
# suite has its own timeout, and each test run (compiling included) has this one.
test_limit=40m

log "unit, property and integration tests (SQLite)"
timeout "$test_limit" cargo test -p domain -p app -p server --locked

log "integration tests again, on PostgreSQL"
start_postgres
trap stop_postgres EXIT
timeout "$test_limit" cargo test -p server --test api --locked

build_release

log "end-to-end tests (Chromium, desktop and 390x844)"
e2e_dir=$(mktemp -d)
trap 'rm -rf "$e2e_dir"; stop_postgres' EXIT
port=${PORTAL_E2E_PORT:-3100}
export PORTAL_E2E_PORT=$port
# "Today" is pinned so that the tests can assert exact contract dates.
# Mail goes to an outbox the tests read (invitation links).
export PORTAL_E2E_OUTBOX=$e2e_dir/outbox
export PORTAL_E2E_SERVER="env DATABASE_URL=sqlite://$e2e_dir/e2e.db LEPTOS_SITE_ROOT=$ROOT/target/site LEPTOS_SITE_ADDR=127.0.0.1:$port PORTAL_PUBLIC_URL=http://127.0.0.1:$port PORTAL_PASSKEY_ORIGIN=http://localhost:$port PORTAL_OUTBOX_DIR=$PORTAL_E2E_OUTBOX PORTAL_DEMO=1 PORTAL_TODAY=2026-11-25 $CARGO_TARGET_DIR/release/server"
(cd end2end && npx playwright test)
