#!/usr/bin/env bash
# Source this file: it makes a fresh machine ready to run Baikal (Node >= 20 and Terraform >= 1.10 assumed).
#  - installs the pnpm version pinned in package.json (under .tools/, no root needed) and the locked dependencies;
#  - exports BAIKAL_PROVIDER_MIRROR when a local mirror of the hashicorp/aws provider exists, so Terraform needs
#    no network. The path is discovered on this machine, never written into the repository.
set -euo pipefail
BAIKAL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$BAIKAL_ROOT"

pnpm_version="$(node -p "require('./package.json').packageManager.split('@')[1]")"
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$pnpm_version" ]; then
  if [ ! -x ".tools/node_modules/.bin/pnpm" ] || [ "$(.tools/node_modules/.bin/pnpm --version)" != "$pnpm_version" ]; then
    echo "setup: installing pnpm $pnpm_version into .tools/" >&2
    npm install --silent --no-audit --no-fund --prefix .tools "pnpm@$pnpm_version" >&2
  fi
  export PATH="$BAIKAL_ROOT/.tools/node_modules/.bin:$PATH"
fi

echo "setup: installing locked dependencies" >&2
pnpm install --frozen-lockfile --reporter=append-only >&2

if [ -z "${BAIKAL_PROVIDER_MIRROR:-}" ]; then
  # A filesystem mirror holds <mirror>/registry.terraform.io/hashicorp/aws/<version>/<os_arch>/terraform-provider-aws_*.
  provider="$(find / -maxdepth 9 -type f -name 'terraform-provider-aws_v5.100.0*' \
    -path '*/registry.terraform.io/hashicorp/aws/5.100.0/*' -not -path '/proc/*' -not -path "$BAIKAL_ROOT/*" 2>/dev/null | head -n 1 || true)"
  if [ -n "$provider" ]; then
    export BAIKAL_PROVIDER_MIRROR="${provider%%/registry.terraform.io/*}"
    echo "setup: using the provider mirror in $BAIKAL_PROVIDER_MIRROR" >&2
  else
    echo "setup: no local provider mirror found; Terraform will download hashicorp/aws 5.100.0 from its registry" >&2
  fi
fi
export CHECKPOINT_DISABLE=1
