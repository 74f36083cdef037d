#!/usr/bin/env bash
# Makes a fresh machine ready to run Baikal, once (Node >= 20 and Terraform >= 1.10 assumed). Afterwards every
# new shell runs the README's commands with nothing exported by hand:
#  - pnpm, the version pinned in package.json, is installed where shells find it: globally with npm (next to node
#    and npm) when npm's global folder is writable, else into .tools/, printing the one line to add to your profile.
#    Not corepack: `corepack enable` needs the same write access, and corepack downloads pnpm on first use, which
#    fails offline.
#  - the locked dependencies are installed;
#  - a local filesystem mirror of the hashicorp/aws provider, when this machine has one, is recorded in
#    .baikal/local.json (untracked); every baikal command, and cdktf through the stack folders, read it.
# Run it with bash. Sourcing it also works and leaves your shell's options alone (it runs in a child process).
if [ -n "${BASH_SOURCE[0]:-}" ] && [ "${BASH_SOURCE[0]}" != "$0" ]; then
  bash "${BASH_SOURCE[0]}" "$@" || return $?
  if ! command -v pnpm >/dev/null 2>&1; then
    PATH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools/node_modules/.bin:$PATH"
    export PATH
  fi
  return 0
fi
set -euo pipefail
BAIKAL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$BAIKAL_ROOT"

pnpm_version="$(node -p "require('./package.json').packageManager.split('@')[1]")"
has_pnpm() { command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$pnpm_version" ]; }
if ! has_pnpm; then
  global_bin="$(npm prefix -g)/bin"
  if [ -w "$(npm prefix -g)" ] && { [ ! -e "$global_bin" ] || [ -w "$global_bin" ]; }; then
    echo "setup: installing pnpm $pnpm_version globally with npm (into $global_bin)" >&2
    npm install -g --silent --no-audit --no-fund "pnpm@$pnpm_version" >&2
    hash -r
  fi
fi
if ! has_pnpm; then
  if [ ! -x ".tools/node_modules/.bin/pnpm" ] || [ "$(.tools/node_modules/.bin/pnpm --version)" != "$pnpm_version" ]; then
    echo "setup: installing pnpm $pnpm_version into .tools/ (npm's global folder is not writable)" >&2
    npm install --silent --no-audit --no-fund --prefix .tools "pnpm@$pnpm_version" >&2
  fi
  export PATH="$BAIKAL_ROOT/.tools/node_modules/.bin:$PATH"
  cat >&2 <<EOF
setup: pnpm is in $BAIKAL_ROOT/.tools/node_modules/.bin; for new shells, add this line to ~/.bashrc (or ~/.zshrc):
  export PATH="$BAIKAL_ROOT/.tools/node_modules/.bin:\$PATH"
EOF
fi

echo "setup: installing locked dependencies" >&2
pnpm install --frozen-lockfile --reporter=append-only >&2

# The mirror: BAIKAL_PROVIDER_MIRROR when set, else the one already recorded, else the first found on this machine.
# A filesystem mirror holds <mirror>/registry.terraform.io/hashicorp/aws/<version>/<os_arch>/terraform-provider-aws_*.
mirror="${BAIKAL_PROVIDER_MIRROR:-}"
if [ -z "$mirror" ] && [ -f .baikal/local.json ]; then
  mirror="$(node -p "require('./.baikal/local.json').providerMirror ?? ''")"
  [ -n "$mirror" ] && [ ! -d "$mirror/registry.terraform.io" ] && mirror=""
fi
# Terraform's own plugin folders and /opt first: searching the whole disk can take minutes.
for place in "$HOME/.terraform.d/plugins" "$HOME/.local/share/terraform/plugins" /usr/local/share/terraform/plugins /usr/share/terraform/plugins /opt /; do
  [ -n "$mirror" ] && break
  [ -d "$place" ] || continue
  provider="$(find "$place" -maxdepth 9 -type f -name 'terraform-provider-aws_v5.100.0*' \
    -path '*/registry.terraform.io/hashicorp/aws/5.100.0/*' -not -path '/proc/*' -not -path "$BAIKAL_ROOT/*" 2>/dev/null | head -n 1 || true)"
  [ -n "$provider" ] && mirror="${provider%%/registry.terraform.io/*}"
done
if [ -n "$mirror" ]; then
  node -e '
    const fs = require("node:fs");
    const file = ".baikal/local.json";
    const current = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
    fs.mkdirSync(".baikal", { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ ...current, providerMirror: process.argv[1] }, null, 2) + "\n");
  ' "$mirror"
  echo "setup: Terraform installs providers from the mirror in $mirror (recorded in .baikal/local.json)" >&2
else
  echo "setup: no local provider mirror found; Terraform will download hashicorp/aws 5.100.0 from its registry" >&2
fi
echo "setup: done; in any new shell: pnpm check, pnpm plan <stack>, pnpm test" >&2
