import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { providerMirror } from "./local-settings.ts";
import { cachedPackageHash, lockFileCovers, lockFileText, requiredProviders, unpackedPackageDir } from "./provider-lock.ts";

/** Hashes of mirrored provider packages, kept between runs. */
export const PROVIDER_HASHES_FILE = ".baikal/provider-hashes.json";

/**
 * Makes every synthesized stack folder plan offline with plain `terraform` or `cdktf diff|plan|deploy`, exactly
 * as `baikal plan` does, when a provider mirror is set (see `providerMirror`):
 *
 * - `terraform.d/plugins` links to the mirror. Terraform searches that folder of its working directory before
 *   the registry (an "implied local mirror"), and cdktf runs Terraform in the stack folder with its own
 *   environment, so a link is the one thing both see without any variable exported.
 * - `.terraform.lock.hcl` is written when missing or pinning another version, with the hash `terraform init`
 *   would record: without a lock file, cdktf runs `terraform providers lock`, which always asks the registry.
 *
 * Nothing else in the folder is touched: Terraform's `.terraform/`, saved plans and local state stay.
 * Without a mirror, a link left from an earlier set-up is removed and Terraform uses its registry.
 */
export function prepareStackFolders(root: string, outdir: string, stacks: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  const mirror = providerMirror(root, env);
  for (const stack of stacks) {
    const dir = join(outdir, "stacks", stack);
    const link = join(dir, "terraform.d", "plugins");
    const linked = existsSync(join(dir, "terraform.d")) && lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink() ? readlinkSync(link) : undefined;
    if (!mirror) {
      if (linked !== undefined) rmSync(join(dir, "terraform.d"), { recursive: true, force: true });
      continue;
    }
    if (linked !== mirror.path) {
      rmSync(link, { force: true });
      mkdirSync(join(dir, "terraform.d"), { recursive: true });
      symlinkSync(mirror.path, link, "dir");
    }
    const config = JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8")) as Parameters<typeof requiredProviders>[0];
    const providers = requiredProviders(config).filter((p) => existsSync(unpackedPackageDir(mirror.path, p)));
    const lockFile = join(dir, ".terraform.lock.hcl");
    if (providers.length === 0 || (existsSync(lockFile) && lockFileCovers(readFileSync(lockFile, "utf8"), providers))) continue;
    const hashes = join(root, PROVIDER_HASHES_FILE);
    writeFileSync(lockFile, lockFileText(providers.map((p) => ({ ...p, hash: cachedPackageHash(unpackedPackageDir(mirror.path, p), hashes) }))));
  }
}
