#!/usr/bin/env bash
# Installs what is missing, builds the release portal and serves it with demo data on
# http://127.0.0.1:3000 (override with LEPTOS_SITE_ADDR; database with DATABASE_URL).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_build_tools
build_release
export LEPTOS_SITE_ROOT="$ROOT/target/site"
export DATABASE_URL=${DATABASE_URL:-sqlite://$ROOT/portal.db}
log "serving on http://${LEPTOS_SITE_ADDR:-127.0.0.1:3000} (Ctrl-C stops)"
exec "$CARGO_TARGET_DIR/release/server" --demo
