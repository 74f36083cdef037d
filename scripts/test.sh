#!/usr/bin/env bash
# One command for the whole test suite on a fresh machine: setup, type check, unit tests, the offline
# Terraform validate/plan of the example stacks, and the docs site in headless Chromium.
# Extra arguments go to vitest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/setup.sh"
command -v pnpm >/dev/null 2>&1 || PATH="$root/.tools/node_modules/.bin:$PATH"
cd "$root"
export CHECKPOINT_DISABLE=1

# The docs site is tested in Debian's Chromium (playwright-core drives it; it never downloads a browser).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "test: installing Debian's chromium for the docs-site test" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  else
    echo "test: /usr/bin/chromium is missing; install Debian's chromium package (the docs-site test needs it)" >&2
  fi
fi

pnpm test "$@"
