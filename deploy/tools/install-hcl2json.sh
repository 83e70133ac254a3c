#!/usr/bin/env bash
# Installs @cdktf/hcl2json (HashiCorp's HCL parser compiled to WebAssembly, run by node) into build/tools/hcl2json,
# for deploy/tools/hcl2json.mjs and TerraformFilesTest. Idempotent: does nothing when that version is installed.
# Needs node and npm (Debian/Ubuntu: apt-get install nodejs npm) and the npm registry.
set -euo pipefail
VERSION=0.21.0   # exact pin: the parser's behaviour is part of what the test checks
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PREFIX="$ROOT/build/tools/hcl2json"
INSTALLED="$PREFIX/node_modules/@cdktf/hcl2json/package.json"

if [ -f "$INSTALLED" ] && [ "$(node -p "require('$INSTALLED').version")" = "$VERSION" ]; then
  exit 0
fi
npm install --prefix "$PREFIX" --no-audit --no-fund --save-exact "@cdktf/hcl2json@$VERSION"
