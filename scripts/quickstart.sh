#!/usr/bin/env bash
# One command on a fresh machine: set up once (pnpm, dependencies, provider mirror), then check and plan the
# bundled example domains offline.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/setup.sh"
command -v pnpm >/dev/null 2>&1 || PATH="$root/.tools/node_modules/.bin:$PATH"
cd "$root"
pnpm check
pnpm plan --summary
