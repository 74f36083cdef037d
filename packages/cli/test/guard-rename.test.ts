import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CliRun } from "./support.ts";
import { editFile, monorepoCopy } from "./git-support.ts";

/**
 * A construct id rename needs a platform change, so this runs on a committed copy of the monorepo: the base
 * is synthesized by the base's own platform code, the head by the edited one.
 */
describe("baikal guard on a construct id rename", { timeout: 180_000 }, () => {
  let root: string;
  /** The copy's own CLI, so the head is built by the edited platform. */
  const guard = (): CliRun => {
    const run = spawnSync(process.execPath, [join(root, "packages/cli/bin/baikal.js"), "guard", "--base", "main"], { cwd: root, encoding: "utf8" });
    return { code: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
  };

  beforeAll(() => {
    root = monorepoCopy();
    editFile(root, "packages/platform/src/lake/lake-bucket.ts", "new S3Bucket(this, MAIN_RESOURCE_ID, {", 'new S3Bucket(this, "store", {');
  });

  it("fails when a bucket moves to another address, and names the moved block that fixes it", () => {
    const run = guard();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "platform-staging aws_s3_bucket.lake_raw: moves to aws_s3_bucket.lake_raw_store (a construct id changed), so Terraform destroys the bucket " +
        "and every object in it and creates an empty one at the new address; add a moved block (moved { from = aws_s3_bucket.lake_raw, to = aws_s3_bucket.lake_raw_store }): " +
        'in cdktf, call moveFromId("aws_s3_bucket.lake_raw") on the new resource, or moveTo on the old one\n',
    );
    expect(run.stdout.split("\n").filter(Boolean)).toHaveLength(8);
  });

  it("passes the same rename once the head declares it with moveFromId", () => {
    editFile(
      root,
      "packages/platform/src/lake/lake-bucket.ts",
      "const bucket = this.bucket.id;",
      'this.bucket.moveFromId(`aws_s3_bucket.${this.bucket.friendlyUniqueId.replace(/_store$/, "")}`);\n    const bucket = this.bucket.id;',
    );
    const run = guard();
    expect(run.stdout).toBe("");
    expect(run.code).toBe(0);
  });
});
