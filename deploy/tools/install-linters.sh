#!/usr/bin/env bash
# Installs the linters the deployment tests run, at the versions pinned by deploy/tools/<name>/package-lock.json,
# into build/tools/<name> (node_modules/.bin/<name>). Idempotent: a tool whose installed lock matches is left as it is.
#   dockerfile-utils  validates deploy/docker/Dockerfile (the validator behind VS Code's Dockerfile support)
#   dclint            lints deploy/docker-compose.yml against the current Compose Specification schema (Compose v2)
# Needs node >= 20.19 and npm (Debian: apt-get install nodejs npm).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
command -v npm >/dev/null || { echo "install-linters: npm is needed (apt-get install nodejs npm)" >&2; exit 2; }

for name in dockerfile-utils dclint; do
  src="$ROOT/deploy/tools/$name"
  dest="$ROOT/build/tools/$name"
  if [ -x "$dest/node_modules/.bin/$name" ] && cmp -s "$src/package-lock.json" "$dest/package-lock.json"; then
    echo "install-linters: $name is installed in build/tools/$name"
    continue
  fi
  rm -rf "$dest"
  mkdir -p "$dest"
  cp "$src/package.json" "$src/package-lock.json" "$dest/"
  (cd "$dest" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  echo "install-linters: installed $name into build/tools/$name"
done
