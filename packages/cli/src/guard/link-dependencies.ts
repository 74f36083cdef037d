import { existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, symlinkSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Folders that may hold a package's node_modules: the root and two levels below (pnpm's `packages/*`, `domains/*`). */
function packageFolders(root: string): string[] {
  const folders = [""];
  for (const top of readdirSync(root, { withFileTypes: true })) {
    if (!top.isDirectory() || top.name.startsWith(".") || top.name === "node_modules") continue;
    if (existsSync(join(root, top.name, "node_modules"))) folders.push(top.name);
    for (const child of readdirSync(join(root, top.name), { withFileTypes: true })) {
      if (child.isDirectory() && existsSync(join(root, top.name, child.name, "node_modules"))) folders.push(join(top.name, child.name));
    }
  }
  return folders;
}

const isWorkspacePackage = (headRoot: string, target: string) => {
  const path = relative(headRoot, target);
  return !path.startsWith("..") && !path.split(sep).includes("node_modules");
};

function linkEntry(headRoot: string, baseRoot: string, from: string, to: string): void {
  let target: string;
  try {
    target = realpathSync(from);
  } catch {
    return; // a dangling link in the head's node_modules resolves nowhere in the base either
  }
  if (isWorkspacePackage(headRoot, target)) {
    // A workspace package resolves to the base's own copy, so the base is built by the base's code.
    const inBase = join(baseRoot, relative(headRoot, target));
    if (existsSync(inBase)) target = inBase;
  }
  symlinkSync(target, to);
}

/**
 * Gives an exported base tree the head's installed dependencies without installing anything: each
 * package folder gets a node_modules whose entries link to the head's store, except workspace packages,
 * which link to the base's own folders. Node resolves through real paths, so third-party packages find
 * their dependencies in the head's store and `@baikal/*` is the base's source.
 */
export function linkDependencies(headRoot: string, baseRoot: string): void {
  for (const folder of packageFolders(headRoot)) {
    if (!existsSync(join(baseRoot, folder)) || existsSync(join(baseRoot, folder, "node_modules"))) continue;
    const headModules = join(headRoot, folder, "node_modules");
    const baseModules = join(baseRoot, folder, "node_modules");
    if (!existsSync(headModules)) continue;
    mkdirSync(baseModules);
    for (const entry of readdirSync(headModules)) {
      const from = join(headModules, entry);
      if (entry.startsWith("@") && lstatSync(from).isDirectory()) {
        mkdirSync(join(baseModules, entry));
        for (const scoped of readdirSync(from)) linkEntry(headRoot, baseRoot, join(from, scoped), join(baseModules, entry, scoped));
      } else {
        linkEntry(headRoot, baseRoot, from, join(baseModules, entry));
      }
    }
  }
}
