import { statSync } from "node:fs";

/** A stamp no file on disk has: whatever carries it counts as changed. */
export const CHANGED = "changed";

/**
 * Identity of a file's content on disk: inode, size and modification time, so that an in-place write and an
 * atomic save (a new inode) both change it. File times come from a coarse clock (a few milliseconds), so a
 * file modified after `notAfterNs` (the moment its content was read, less a margin) may have changed again
 * within the same tick unnoticed: it gets CHANGED, and is read again next time.
 */
export function fileStamp(path: string, notAfterNs?: bigint): string {
  try {
    const stats = statSync(path, { bigint: true });
    if (notAfterNs !== undefined && stats.mtimeNs >= notAfterNs) return CHANGED;
    return `${stats.ino}:${stats.size}:${stats.mtimeNs}`;
  } catch {
    return "missing";
  }
}

/** Now, less the file clock's coarseness: the `notAfterNs` for contents read from here on. */
export const readingStarts = (): bigint => BigInt(Date.now() - 20) * 1_000_000n;
