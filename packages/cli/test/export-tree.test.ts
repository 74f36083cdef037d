import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exportTree, resolveBaseRef } from "../src/guard/git.ts";
import { gitProject } from "./git-support.ts";

/** A repository whose working tree has one edited, one deleted and one new file since the commit. */
function changedRepository(): string {
  const root = gitProject({ "a.txt": "a at base\n", "dir/b.txt": "b at base\n", "dir/c.txt": "c at base\n" });
  writeFileSync(join(root, "a.txt"), "a edited\n");
  rmSync(join(root, "dir/b.txt"));
  writeFileSync(join(root, "dir/new.txt"), "not in the base\n");
  return root;
}

describe("exportTree", () => {
  for (const [how, maxArchivedPaths] of [["linking unchanged files", 2000], ["archiving the whole tree", 0]] as const) {
    it(`writes exactly the base's files, ${how}`, () => {
      const root = changedRepository();
      const dir = join(mkdtempSync(join(tmpdir(), "baikal-export-")), "base");
      const base = exportTree(resolveBaseRef(root, "main"), dir, maxArchivedPaths);
      expect(readFileSync(join(base, "a.txt"), "utf8")).toBe("a at base\n");
      expect(readFileSync(join(base, "dir/b.txt"), "utf8")).toBe("b at base\n");
      expect(readFileSync(join(base, "dir/c.txt"), "utf8")).toBe("c at base\n");
      expect(existsSync(join(base, "dir/new.txt"))).toBe(false);
    });
  }

  it("hard-links an unchanged file instead of copying it when both trees share a file system", () => {
    const root = changedRepository();
    const dir = join(mkdtempSync(join(root, "..", "baikal-export-")), "base");
    const base = exportTree(resolveBaseRef(root, "main"), dir);
    expect(statSync(join(base, "dir/c.txt")).ino).toBe(statSync(join(root, "dir/c.txt")).ino);
    expect(statSync(join(base, "a.txt")).ino).not.toBe(statSync(join(root, "a.txt")).ino);
  });
});
