import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { arch, platform } from "node:os";
import { dirname, join } from "node:path";

/** A provider a stack requires, as `terraform.required_providers` of `cdk.tf.json` names it. */
export interface RequiredProvider {
  /** `registry.terraform.io/hashicorp/aws` */
  readonly address: string;
  /** An exact version; constraints such as `~> 5.0` are left to `terraform init`. */
  readonly version: string;
}

const EXACT_VERSION = /^=?\s*(\d+\.\d+\.\d+(?:-[\w.]+)?)$/;

/** The providers of a synthesized stack that are pinned to one version, with their full registry address. */
export function requiredProviders(stack: { terraform?: { required_providers?: Record<string, { source?: string; version?: string }> } }): RequiredProvider[] {
  const providers: RequiredProvider[] = [];
  for (const [name, spec] of Object.entries(stack.terraform?.required_providers ?? {})) {
    const version = EXACT_VERSION.exec(spec.version ?? "")?.[1];
    if (!version) continue;
    const parts = (spec.source ?? name).split("/");
    const address = parts.length === 3 ? parts.join("/") : parts.length === 2 ? `registry.terraform.io/${parts.join("/")}` : `registry.terraform.io/hashicorp/${parts[0]}`;
    providers.push({ address: address.toLowerCase(), version });
  }
  return providers.sort((a, b) => a.address.localeCompare(b.address));
}

/** Terraform's name for this machine's platform, e.g. `linux_amd64`. */
export function terraformPlatform(): string {
  const os = platform() === "win32" ? "windows" : platform();
  const cpu = ({ x64: "amd64", ia32: "386", arm64: "arm64", arm: "arm" } as Record<string, string>)[arch()] ?? arch();
  return `${os}_${cpu}`;
}

/** Where an unpacked provider package lives in a filesystem mirror (Terraform's "unpacked layout"). */
export const unpackedPackageDir = (mirror: string, provider: RequiredProvider): string =>
  join(mirror, provider.address, provider.version, terraformPlatform());

/**
 * Terraform's `h1:` package hash: Go's module `dirhash` (SHA-256 over the sorted lines "<sha256 of file>  <name>")
 * of the unpacked package's files. It is what `terraform init` records for a package installed from a mirror.
 */
export function packageHash(dir: string): string {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => statSync(join(dir, f)).isFile()).map((f) => f.replaceAll("\\", "/")).sort();
  const summary = createHash("sha256");
  for (const file of files) summary.update(`${fileSha256(join(dir, file))}  ${file}\n`);
  return `h1:${summary.digest("base64")}`;
}

/** SHA-256 of a file read in 4 MB chunks: a provider binary is too big to hold in memory at once. */
function fileSha256(path: string): string {
  const hash = createHash("sha256");
  const buffer = Buffer.alloc(4 * 1024 * 1024);
  const fd = openSync(path, "r");
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}

interface HashCache {
  readonly [dir: string]: { readonly stamp: string; readonly hash: string };
}

/** Size and modification time of every file: hashing 700 MB takes seconds, so hashes are kept until the package changes. */
function packageStamp(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .sort()
    .map((f) => {
      const s = statSync(join(dir, f));
      return `${f}:${s.size}:${Math.round(s.mtimeMs)}`;
    })
    .join(",");
}

/** `packageHash`, remembered in `cacheFile` (under `.baikal/`) while the package's files are unchanged. */
export function cachedPackageHash(dir: string, cacheFile: string): string {
  const cache: HashCache = existsSync(cacheFile) ? (JSON.parse(readFileSync(cacheFile, "utf8")) as HashCache) : {};
  const stamp = packageStamp(dir);
  const known = cache[dir];
  if (known?.stamp === stamp) return known.hash;
  const hash = packageHash(dir);
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, `${JSON.stringify({ ...cache, [dir]: { stamp, hash } }, null, 2)}\n`);
  return hash;
}

/** A dependency lock file as `terraform init` writes it for these providers and hashes. */
export function lockFileText(entries: readonly (RequiredProvider & { readonly hash: string })[]): string {
  const blocks = entries.map((e) =>
    [`provider "${e.address}" {`, `  version     = "${e.version}"`, `  constraints = "${e.version}"`, "  hashes = [", `    "${e.hash}",`, "  ]", "}"].join("\n"),
  );
  return `# This file is maintained automatically by "terraform init".\n# Manual edits may be lost in future updates.\n\n${blocks.join("\n\n")}\n`;
}

/** Whether an existing lock file already pins every provider at the required version. */
export function lockFileCovers(text: string, providers: readonly RequiredProvider[]): boolean {
  return providers.every((p) => {
    const block = text.split(`provider "${p.address}" {`)[1]?.split("\n}")[0];
    return block !== undefined && block.includes(`version     = "${p.version}"`);
  });
}
