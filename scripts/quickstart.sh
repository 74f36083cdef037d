#!/usr/bin/env bash
# One command on a fresh machine: install everything, then check and plan the bundled example domains offline.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
pnpm check
pnpm plan
