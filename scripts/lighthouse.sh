#!/usr/bin/env bash
# Lighthouse (mobile profile, default throttling) on the five pages issue 14 names: login,
# dashboard, plans, support quote and invoice. Each page runs 3 times; the median performance
# score and the accessibility and best-practices scores are printed as a Markdown table
# (paste it into docs/performance.md). Needs the release build (scripts/test.sh or
# `cargo leptos build --release --precompress`); on demand, not part of .ci/run (about 5
# minutes on 2 cores).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

LIGHTHOUSE_VERSION=12.8.2   # 13.x needs Node.js 22; the machine has 20
if [[ "$(lighthouse --version 2>/dev/null)" != "$LIGHTHOUSE_VERSION" ]]; then
  log "installing lighthouse $LIGHTHOUSE_VERSION into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi
[[ -x "$CARGO_TARGET_DIR/release/server" ]] || build_release

work=$(mktemp -d)
port=${PORTAL_LIGHTHOUSE_PORT:-3200}
base="http://127.0.0.1:$port"
env DATABASE_URL="sqlite://$work/portal.db" LEPTOS_SITE_ROOT="$ROOT/target/site" \
  LEPTOS_SITE_ADDR="127.0.0.1:$port" PORTAL_PUBLIC_URL="$base" PORTAL_OUTBOX_DIR="$work/outbox" \
  PORTAL_DEMO=1 PORTAL_TODAY=2026-11-25 "$CARGO_TARGET_DIR/release/server" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.2; done

# A contact's session, and one order (a renewal) whose invoice can be audited.
cookie=$(curl -fs -o /dev/null -D - -H 'Accept: application/json' -H "Origin: $base" \
  --data-urlencode 'email=boris@contoso.example' --data-urlencode 'password=demo-password-2026' \
  "$base/api/login" | tr -d '\r' | sed -n 's/^set-cookie: \(portal_session=[^;]*\).*/\1/Ip')
quote=$(curl -fs -H "Cookie: $cookie" -H 'Accept: application/json' -H "Origin: $base" \
  -d 'plan=standard&years=1' "$base/api/support_quote")
digest=$(sed -n 's/.*"digest":"\([^"]*\)".*/\1/p' <<<"$quote")
key=$(sed -n 's/.*"idempotency_key":"\([^"]*\)".*/\1/p' <<<"$quote")
order=$(curl -fs -H "Cookie: $cookie" -H 'Accept: application/json' -H "Origin: $base" \
  -d "plan=standard&years=1&digest=$digest&key=$key" "$base/api/buy_support")

audit() { # $1 = path, $2 = "signed-in" or "anonymous": prints "perf a11y best lcp" (median perf)
  local scores=() path=$1 headers=()
  [[ $2 == signed-in ]] && headers=(--extra-headers "{\"Cookie\": \"$cookie\"}")
  for run in 1 2 3; do
    lighthouse "$base$path" --quiet --output=json --output-path="$work/report.json" \
      --only-categories=performance,accessibility,best-practices "${headers[@]}" \
      --chrome-path=/usr/bin/chromium \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
      >/dev/null 2>&1 || true
    # A signed-in page that redirected to /login would audit the wrong page: refuse that.
    scores+=("$(node -e '
      const r = require(process.argv[1]);
      const wanted = process.argv[2].split("?")[0];
      if (!new URL(r.finalDisplayedUrl).pathname.endsWith(wanted)) {
        console.error(`audited ${r.finalDisplayedUrl}, not ${wanted}`);
        process.exit(1);
      }
      const c = r.categories;
      const scores = [c.performance, c.accessibility, c["best-practices"]].map(x => x ? x.score : "n/a");
      const lcp = r.audits["largest-contentful-paint"];
      console.log([...scores, lcp ? (lcp.numericValue / 1000).toFixed(1) + " s" : "n/a"].join(" "));
    ' "$work/report.json" "$path")")
  done
  printf '%s\n' "${scores[@]}" | sort -n | sed -n 2p
}

echo "| page | performance (median of 3) | accessibility | best practices | LCP |"
echo "|---|---:|---:|---:|---:|"
for entry in "/login anonymous" "/plans anonymous" "/dashboard signed-in" \
             "/support?plan=standard&years=1 signed-in" "/orders/$order/invoice signed-in"; do
  read -r path who <<<"$entry"
  read -r perf a11y best lcp <<<"$(audit "$path" "$who")"
  echo "| \`$path\` | $perf | $a11y | $best | $lcp |"
done
