#!/usr/bin/env bash
# One command for the whole test suite on a fresh machine: setup, type check, unit tests and the offline
# Terraform validate/plan of the example stacks. Extra arguments go to vitest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
pnpm test "$@"
