#!/usr/bin/env bash
# End-to-end tests in a real n8n: `npm run test:e2e` (n8n 2.40.7, then 1.123.81), or
# N8N_VERSION=1.123.81 bash test/e2e/run.sh [--json report.json]. The first run installs each n8n
# into ~/.cache/n8n-nodes-phone-numbers (a few minutes); later runs reuse it.
set -euo pipefail
cd "$(dirname "$0")/../.."
json=()
if [ "${1:-}" = "--json" ]; then json=(--json --outputFile="$2"); fi
[ -f dist/nodes/Close/Close.node.js ] || npm run build
versions="${N8N_VERSION:-2.40.7 1.123.81}"
status=0
for version in $versions; do
  echo "--- n8n $version ---"
  N8N_VERSION="$version" npx jest -c jest.e2e.config.js --forceExit "${json[@]}" || status=1
done
exit $status
