#!/usr/bin/env bash
# The portal's speed against nginx serving the same bytes, in one run (issue 18).
#
#   scripts/bench.sh            the demo database
#   scripts/bench.sh --large    grown to 10,000 companies / 200,000 licenses / 200,000 audit
#                               entries (scripts/bench/grow.sql)
#
# Starts the release server (built if missing) on a fresh SQLite database, saves the bytes of
# each page to a directory nginx serves, then drives both with wrk (-t2 -c32, 10 s each) and
# prints requests per second, p50 and p99, and the portal's ratio to nginx. Purchase confirms
# (160 renewals of distinct companies, 16 at a time, --large only) are driven by
# scripts/bench/confirms.py. Needs wrk and nginx (installed from Debian when missing).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/support-portal/target}
large=${1:-}
duration=${BENCH_SECONDS:-10}

for tool in wrk nginx sqlite3; do
  if ! command -v "$tool" >/dev/null; then
    log "installing $tool from Debian"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
  fi
done
[[ -x "$CARGO_TARGET_DIR/release/server" && -f target/site/pkg/portal.wasm ]] || {
  ensure_build_tools
  build_release
}

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; [[ -f "$work/nginx/nginx.pid" ]] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null; rm -rf "$work"' EXIT
port=3300
static=3301
db="$work/bench.db"
serve() {
  env DATABASE_URL="sqlite://$db" LEPTOS_SITE_ROOT="$ROOT/target/site" \
    LEPTOS_SITE_ADDR="127.0.0.1:$port" PORTAL_PUBLIC_URL="http://127.0.0.1:$port" \
    PORTAL_OUTBOX_DIR="$work/outbox" PORTAL_OUTBOX_WAIT=0 PORTAL_DEMO=1 PORTAL_TODAY=2026-11-25 RUST_LOG=warn \
    "$CARGO_TARGET_DIR/release/server" >"$work/server.log" 2>&1 &
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && return; sleep 0.1; done
  cat "$work/server.log" >&2
  return 1
}
serve
if [[ "$large" == "--large" ]]; then
  log "growing the database to 10,000 companies"
  kill %1 && wait %1 2>/dev/null || true
  sqlite3 "$db" < scripts/bench/grow.sql
  serve
fi
printf 'companies %s, licenses %s, audit entries %s\n' \
  "$(sqlite3 "$db" 'SELECT COUNT(*) FROM companies')" \
  "$(sqlite3 "$db" 'SELECT SUM(quantity) FROM holdings')" \
  "$(sqlite3 "$db" 'SELECT COUNT(*) FROM audit_log')"

# A signed-in contact's session cookie.
cookie=$(curl -s -o /dev/null -D - -X POST "http://127.0.0.1:$port/api/login" \
  -H 'Accept: application/json' \
  --data 'email=boris%40contoso.example&password=demo-password-2026' |
  awk -F'[ ;]' 'tolower($1)=="set-cookie:" && $2 ~ /session=/ {print $2}')
[[ -n "$cookie" ]] || { echo "sign-in failed" >&2; exit 1; }

# The same bytes, served by nginx.
mkdir -p "$work/nginx/www" "$work/nginx/logs"
# nginx's workers run as nobody when started as root: mktemp's 0700 directory answered them 403.
chmod 755 "$work" "$work/nginx" "$work/nginx/www"
curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$port/dashboard" >"$work/nginx/www/dashboard"
curl -fs "http://127.0.0.1:$port/plans" >"$work/nginx/www/plans"
curl -fs "http://127.0.0.1:$port/login" >"$work/nginx/www/login"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server { listen 127.0.0.1:$static; root $work/nginx/www; }
}
CONF
nginx -p "$work/nginx" -c nginx.conf

# "rps p50 p99" of a wrk run (latencies in ms), CONNECTIONS at a time (32 by default). Answers
# other than 2xx/3xx are reported on stderr: a figure made of refusals would mean nothing.
measure() {
  wrk -t2 -c"${CONNECTIONS:-32}" -d"${duration}s" --latency "$@" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    $1 == "Requests/sec:" { rps = $2 }
    /Non-2xx or 3xx responses:/ { printf "warning: %s answers were not 2xx/3xx\n", $NF > "/dev/stderr" }
    END { printf "%.0f\t%.1f\t%.1f\n", rps, p50, p99 }'
}
cat >"$work/login.lua" <<'LUA'
wrk.method = "POST"
wrk.body = "email=boris%40contoso.example&password=demo-password-2026"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "application/json"
LUA

printf '\n%-24s %10s %8s %8s %12s %8s\n' page 'req/s' 'p50 ms' 'p99 ms' 'nginx req/s' ratio
row() {
  local name=$1 portal=$2 nginx=$3
  read -r rps p50 p99 <<<"$portal"
  read -r srps _ _ <<<"$nginx"
  printf '%-24s %10s %8s %8s %12s %8s\n' "$name" "$rps" "$p50" "$p99" "$srps" \
    "$(awk -v a="$rps" -v b="$srps" 'BEGIN { printf "%.3f", a / b }')"
}
row "/dashboard (signed in)" "$(measure -H "Cookie: $cookie" "http://127.0.0.1:$port/dashboard")" \
  "$(measure "http://127.0.0.1:$static/dashboard")"
row "/plans (anonymous)" "$(measure "http://127.0.0.1:$port/plans")" \
  "$(measure "http://127.0.0.1:$static/plans")"
row "/login (anonymous)" "$(measure "http://127.0.0.1:$port/login")" \
  "$(measure "http://127.0.0.1:$static/login")"
# Four at a time: one account's concurrent sign-ins beyond five are refused by design (the
# throttle counts attempts in flight), and argon2id fills both cores at four.
read -r rps p50 p99 <<<"$(CONNECTIONS=4 measure -s "$work/login.lua" "http://127.0.0.1:$port/api/login")"
printf '%-24s %10s %8s %8s\n' "sign-in (POST, 4 at once)" "$rps" "$p50" "$p99"
if [[ "$large" == "--large" ]]; then
  # Confirms renew each company once: each way gets its own copy of the grown database.
  kill %1 && wait %1 2>/dev/null || true
  sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
  cp "$db" "$work/grown.db"
  for writer in one pool; do
    cp "$work/grown.db" "$db" && rm -f "$db-wal" "$db-shm"
    PORTAL_SQLITE_WRITER=$writer serve
    read -r _ rps p50 p99 <<<"$(python3 scripts/bench/confirms.py "http://127.0.0.1:$port" 160 16)"
    printf '%-24s %10s %8s %8s\n' "confirms ($writer writer)" "$rps" "$p50" "$p99"
    kill %1 && wait %1 2>/dev/null || true
  done
fi
printf '\nmachine: %s cores, %s\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
