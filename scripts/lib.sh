# Shared by run.sh and test.sh: pinned tool versions and idempotent installers.
# Every installer checks first, so a warm machine spends seconds here.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# One warm target directory outside the checkout: fresh clones (CI) reuse it.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/support-portal/target}
TOOLS_DIR=${PORTAL_TOOLS_DIR:-$HOME/.cache/support-portal/tools}
# CI builds a fresh clone once: incremental caches would only cost disk (gigabytes).
if [[ "${CI:-}" == "true" ]]; then
  export CARGO_INCREMENTAL=0
fi
export PATH="$HOME/.cargo/bin:$TOOLS_DIR/node_modules/.bin:$PATH"

CARGO_LEPTOS_VERSION=0.3.10      # 0.3.11 needs rustc 1.96
WASM_BINDGEN_VERSION=0.2.130     # must equal the wasm-bindgen crate pinned in Cargo.toml
BINARYEN_VERSION=132.0.0         # wasm-opt; Debian's binaryen 108 breaks hydration

log() { printf '\n==> %s\n' "$*" >&2; }

ensure_build_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
  if [[ "$(cargo leptos --version 2>/dev/null)" != *"$CARGO_LEPTOS_VERSION"* ]]; then
    log "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 25 minutes on 2 cores, once)"
    cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
  fi
  if [[ "$(wasm-bindgen --version 2>/dev/null)" != *"$WASM_BINDGEN_VERSION"* ]]; then
    log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  if [[ "$(wasm-opt --version 2>/dev/null)" != *"version ${BINARYEN_VERSION%%.*}"* ]]; then
    log "installing wasm-opt (npm binaryen $BINARYEN_VERSION) into $TOOLS_DIR"
    mkdir -p "$TOOLS_DIR"
    npm install --prefix "$TOOLS_DIR" --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
  fi
}

ensure_test_tools() {
  if [[ ! -x /usr/bin/chromium ]]; then
    log "installing Chromium from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  fi
  # A copy of the lock file marks a finished install; reinstall only when the lock changed.
  local stamp="$ROOT/end2end/node_modules/.installed-package-lock.json"
  if ! cmp -s "$ROOT/end2end/package-lock.json" "$stamp" 2>/dev/null; then
    log "installing the end-to-end test packages"
    (cd "$ROOT/end2end" && npm ci --no-audit --no-fund)
    cp "$ROOT/end2end/package-lock.json" "$stamp"
  fi
}

# Release server + size-tuned wasm, with .br/.gz copies that the server sends as they are.
build_release() {
  log "building the release server and wasm bundle"
  (cd "$ROOT" && cargo leptos build --release --precompress)
  report_wasm_size
}

report_wasm_size() {
  local pkg="$ROOT/target/site/pkg"
  local raw br
  raw=$(stat -c %s "$pkg/portal_bg.wasm" 2>/dev/null || stat -c %s "$pkg/portal.wasm")
  br=$(stat -c %s "$pkg/portal_bg.wasm.br" 2>/dev/null || stat -c %s "$pkg/portal.wasm.br")
  printf 'wasm bundle: %s bytes raw, %s bytes brotli\n' "$raw" "$br" | tee "$ROOT/target/site/wasm-size.txt" >&2
}

# A throwaway PostgreSQL server on 127.0.0.1 for the second run of the integration tests:
# Debian's package, a cluster initialised into a temporary directory, stopped on exit.
start_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    log "installing PostgreSQL from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local bin port dir
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  dir=$(mktemp -d)
  chmod 755 "$dir"
  # initdb refuses to run as root: run the server as the postgres user when we are root.
  local as=()
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres "$dir"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
  # The first port it can bind (a previous cluster's sockets may linger in TIME_WAIT).
  local ports=${PORTAL_TEST_PG_PORT:-$(seq -s ' ' 55432 55452)}
  local started=
  for port in $ports; do
    if "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=400 -c fsync=off" start >/dev/null; then
      started=1
      break
    fi
  done
  [[ -n "$started" ]] || { cat "$dir/server.log" >&2; return 1; }
  PORTAL_PG_STOP=("${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop)
  PORTAL_PG_DIR=$dir
  export PORTAL_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port"
  log "PostgreSQL running at $PORTAL_TEST_POSTGRES"
}

stop_postgres() {
  if [[ -n "${PORTAL_PG_STOP+x}" ]]; then
    "${PORTAL_PG_STOP[@]}" >/dev/null 2>&1 || true
    # The cluster is throwaway: about a gigabyte per run would pile up in /tmp.
    rm -rf "$PORTAL_PG_DIR"
  fi
}
