import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { configSource, domainSource, EVENTS_DOMAIN } from "../../platform/test/support.ts";
import { editFile, platformCopy, runGit } from "./git-support.ts";
import { GUARD_ORGANISATION } from "./guard-support.ts";

/**
 * Governance that only a platform change can weaken, guarded on a committed copy of the platform with a small
 * organisation: the base is synthesized by the base's own platform code, the head by the edited one.
 */
describe("guard: platform changes that weaken the lake key", { timeout: 600_000 }, () => {
  let root: string;
  const STORAGE = "packages/platform/src/lake/lake-storage.ts";
  const KEY = "aws_kms_key.lake_key";
  const hint = (change: string) => `if it is intended, add {"stack": "platform-staging", "address": "${KEY}", "change": "${change}", "reason": "..."} to guard-allow.json`;
  const guard = () => {
    const run = spawnSync(process.execPath, [join(root, "packages/cli/bin/baikal.js"), "guard", "--base", "main"], { cwd: root, encoding: "utf8" });
    return { code: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
  };

  beforeAll(() => {
    const { costMonitor: _, ...organisation } = GUARD_ORGANISATION;
    root = platformCopy({ "baikal.config.ts": configSource(organisation), "domains/web/domain.ts": domainSource(EVENTS_DOMAIN) });
  });
  beforeEach(() => {
    runGit(root, ["checkout", "--", "."]);
  });

  it("blocks key rotation turned off", () => {
    editFile(root, STORAGE, "enableKeyRotation: true,", "enableKeyRotation: false,");
    const run = guard();
    expect(run.stdout).toBe(
      `platform-staging ${KEY}: key rotation is turned off (enable_key_rotation changes from true to false): the key material that encrypts the data ` +
        `would never rotate again; keep enable_key_rotation true; ${hint("key-rotation")}\n`,
    );
    expect(run.code).toBe(1);
  });

  it("blocks a key policy that no longer lets the account root administer the key", () => {
    editFile(
      root,
      STORAGE,
      "administeredByTheAccount(account),",
      '{ ...administeredByTheAccount(account), principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${account}:role/deploy`] }] },',
    );
    const run = guard();
    expect(run.stdout).toBe(
      `platform-staging ${KEY}: the key policy no longer lets the account root (arn:aws:iam::111111111111:root) administer the key: IAM policies in the ` +
        "account stop granting any use of it, and a key whose policy no remaining principal may change can only be recovered by AWS Support; " +
        `keep a statement without conditions that allows kms:PutKeyPolicy (or kms:Put*, or kms:*) on * to arn:aws:iam::111111111111:root; ${hint("key-policy")}\n`,
    );
    expect(run.code).toBe(1);
  });
});
