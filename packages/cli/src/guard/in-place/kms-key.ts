import type { PolicyStatement } from "./policy-statements.ts";
import { type InPlaceProblem, type InPlaceRule, known, show } from "./rule.ts";

const ROOT = /^arn:aws[\w-]*:iam::(\d{12}):root$/;

/** `kms:PutKeyPolicy`, by name or by a wildcard that covers it (`*`, `kms:*`, `kms:Put*`). */
const coversPolicyChange = (actions: readonly string[]) => actions.some((a) => /^(\*|kms:\*|kms:put\*|kms:putkeypolicy)$/i.test(a));
const names = (principals: readonly string[], root: string) => principals.includes(root) || principals.includes(ROOT.exec(root)![1]!);

/**
 * Whether the policy lets the account root administer the key, unconditionally: that statement is what makes IAM
 * policies count for the key, and changing the key policy (`kms:PutKeyPolicy`) is what lets the account recover it.
 * Use may be narrowed (Baikal's keys allow it only through services); administration may not. A Deny that may hit
 * the root takes it away.
 */
function rootAdministers(statements: readonly PolicyStatement[], root: string): boolean {
  const allowed = statements.some(
    (s) => s.effect === "Allow" && !s.notActions && !s.conditional && names(s.principals, root) && coversPolicyChange(s.actions) && s.resources.includes("*"),
  );
  const denied = statements.some(
    (s) =>
      s.effect === "Deny" &&
      !s.conditional &&
      (s.principals.includes("*") || names(s.principals, root)) &&
      (s.notActions || s.actions.some((a) => a === "*" || /^kms:(\*|PutKeyPolicy)$/i.test(a))),
  );
  return allowed && !denied;
}

const rootsAdministering = (statements: readonly PolicyStatement[]) =>
  [...new Set(statements.flatMap((s) => s.principals.filter((p) => ROOT.test(p))))].filter((root) => rootAdministers(statements, root));

/** Key rotation turned off, the key disabled, or the account root dropped from the key policy. */
export const kmsKeyRule: InPlaceRule = {
  id: "kms-key",
  types: ["aws_kms_key"],
  check({ before, after, statements, reportUnknown }) {
    const problems: InPlaceProblem[] = [];
    if (before.enable_key_rotation === true && known(after.enable_key_rotation) && after.enable_key_rotation !== true) {
      problems.push({
        change: "key-rotation",
        what: `key rotation is turned off (enable_key_rotation changes from true to ${show(after.enable_key_rotation)}): the key material that encrypts the data would never rotate again`,
        fix: "keep enable_key_rotation true",
      });
    }
    if (before.is_enabled !== false && after.is_enabled === false) {
      problems.push({
        change: "key-disabled",
        what: "the key is disabled (is_enabled changes to false): nothing encrypted under it can be read until it is enabled again",
        fix: "keep the key enabled",
      });
    }
    const old = statements("before", before.policy);
    if (!old) return problems;
    const now = statements("after", after.policy);
    for (const root of rootsAdministering(old)) {
      if (!now) {
        if (!reportUnknown) continue;
        problems.push({
          change: "key-policy",
          what: `the key policy becomes ${show(after.policy)}, which the guard cannot read before apply, so it cannot tell whether the account root (${root}) still administers the key`,
          fix: "build the key policy with an aws_iam_policy_document in the same stack",
        });
      } else if (!rootAdministers(now, root)) {
        problems.push({
          change: "key-policy",
          what:
            `the key policy no longer lets the account root (${root}) administer the key: IAM policies in the account stop granting any use of it, ` +
            "and a key whose policy no remaining principal may change can only be recovered by AWS Support",
          fix: `keep a statement without conditions that allows kms:PutKeyPolicy (or kms:Put*, or kms:*) on * to ${root}`,
        });
      }
    }
    return problems;
  },
};
