import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The folder of an installed package, found from its entry point (not every package exports package.json). */
export function packageDir(name: string, from: string = import.meta.url): string {
  let dir = dirname(createRequire(from).resolve(name));
  while (!isPackageRoot(dir, name)) {
    if (dirname(dir) === dir) throw new Error(`cannot find the folder of package ${name}`);
    dir = dirname(dir);
  }
  return dir;
}

function isPackageRoot(dir: string, name: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string }).name === name;
  } catch {
    return false;
  }
}

/** `name@version` of an installed package, resolved from `from` (a file URL or path). */
export const packageVersion = (name: string, from?: string): string =>
  `${name}@${(JSON.parse(readFileSync(join(packageDir(name, from), "package.json"), "utf8")) as { version: string }).version}`;

/**
 * A hash of the sources under `dirs` and of `extra` (package versions): what a cached result was computed
 * by. Editing any of that code gives a new hash, so results computed by other code are never reused.
 */
export function sourceHash(dirs: readonly string[], extra: readonly string[] = []): string {
  const digest = createHash("sha1");
  for (const dir of dirs) {
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") || f.endsWith(".js") || f.endsWith(".sql")).sort();
    for (const file of files) digest.update(file).update(readFileSync(join(dir, file)));
  }
  for (const text of extra) digest.update(text);
  return digest.digest("base64url");
}
