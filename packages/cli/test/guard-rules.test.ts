import { describe, expect, it } from "vitest";
import { formatFinding } from "../src/guard/finding.ts";
import { inPlaceFindings } from "../src/guard/in-place/in-place-findings.ts";
import { plannedStatements, policyStatements } from "../src/guard/in-place/policy-statements.ts";
import { droppedValues, rangeCovers } from "../src/guard/in-place/projection-range.ts";
import type { Body } from "../src/guard/in-place/rule.ts";
import type { StackJson } from "../src/guard/synthesize-ref.ts";

/**
 * The in-place rules on their own, for what a fixture organisation cannot declare: policies written as JSON or
 * with a Deny, values the guard cannot know before apply, formats Baikal does not write.
 */
const ROOT = "arn:aws:iam::111111111111:root";
const rootStatement = { Sid: "Root", Effect: "Allow", Principal: { AWS: ROOT }, Action: "kms:*", Resource: "*" };

function findings(type: string, before: Body, after: Body, stack: StackJson = {}) {
  return inPlaceFindings({
    stack: "platform-staging",
    address: `${type}.x`,
    type,
    before,
    after,
    statements: (_side, policy) => policyStatements(policy, stack),
    reportUnknown: true,
  }).map(formatFinding);
}

const hint = (type: string, change: string) =>
  `if it is intended, add {"stack": "platform-staging", "address": "${type}.x", "change": "${change}", "reason": "..."} to guard-allow.json`;

describe("guard rules: key policies", () => {
  it("reads a policy written as JSON, and blocks one whose Deny takes the key from the root", () => {
    const allowed = JSON.stringify({ Statement: [rootStatement] });
    const denied = JSON.stringify({ Statement: [rootStatement, { Effect: "Deny", Principal: "*", Action: "kms:PutKeyPolicy", Resource: "*" }] });
    expect(findings("aws_kms_key", { policy: allowed }, { policy: allowed })).toEqual([]);
    expect(findings("aws_kms_key", { policy: allowed }, { policy: denied })).toEqual([
      `platform-staging aws_kms_key.x: the key policy no longer lets the account root (${ROOT}) administer the key: IAM policies in the account stop ` +
        "granting any use of it, and a key whose policy no remaining principal may change can only be recovered by AWS Support; " +
        `keep a statement without conditions that allows kms:PutKeyPolicy (or kms:Put*, or kms:*) on * to ${ROOT}; ${hint("aws_kms_key", "key-policy")}`,
    ]);
  });

  it("reads a policy document that builds on another through source_policy_documents", () => {
    const stack: StackJson = {
      data: {
        aws_iam_policy_document: {
          root: { statement: [{ sid: "Root", principals: [{ type: "AWS", identifiers: [ROOT] }], actions: ["kms:*"], resources: ["*"] }] },
          key: { source_policy_documents: ["${data.aws_iam_policy_document.root.json}"], statement: [{ sid: "Logs", actions: ["kms:Decrypt"], resources: ["*"] }] },
        },
      },
    };
    expect(policyStatements("${data.aws_iam_policy_document.key.json}", stack)!.map((s) => s.sid)).toEqual(["Root", "Logs"]);
  });

  it("says it cannot tell when the new policy is only known at apply time", () => {
    const before = { policy: JSON.stringify({ Statement: [rootStatement] }) };
    expect(findings("aws_kms_key", before, { policy: "${aws_iam_policy.key.policy}" })).toEqual([
      'platform-staging aws_kms_key.x: the key policy becomes "${aws_iam_policy.key.policy}", which the guard cannot read before apply, so it cannot tell ' +
        `whether the account root (${ROOT}) still administers the key; build the key policy with an aws_iam_policy_document in the same stack; ${hint("aws_kms_key", "key-policy")}`,
    ]);
  });

  it("reads a plan's rendered policy, and leaves one it does not know to the configuration comparison", () => {
    expect(plannedStatements(JSON.stringify({ Statement: rootStatement }))).toHaveLength(1);
    expect(plannedStatements("${unknown}")).toBeUndefined();
  });

  it("blocks a key that is disabled", () => {
    expect(findings("aws_kms_key", { is_enabled: true }, { is_enabled: false })).toEqual([
      "platform-staging aws_kms_key.x: the key is disabled (is_enabled changes to false): nothing encrypted under it can be read until it is enabled again; " +
        `keep the key enabled; ${hint("aws_kms_key", "key-disabled")}`,
    ]);
  });
});

describe("guard rules: what the guard cannot know", () => {
  it("says it cannot tell whether admins stay when the new list is only known at apply time", () => {
    expect(findings("aws_lakeformation_data_lake_settings", { admins: ["arn:aws:iam::111111111111:role/deploy"] }, { admins: "${var.admins}" })).toEqual([
      'platform-staging aws_lakeformation_data_lake_settings.x: the admins become "${var.admins}", which the guard cannot read before apply, so it cannot tell ' +
        "whether arn:aws:iam::111111111111:role/deploy stay admins; list the admins as ARNs in baikal.config.ts; " +
        hint("aws_lakeformation_data_lake_settings", "lake-formation-admin"),
    ]);
  });

  it("says it cannot tell how a SerDe it does not know reads files written with the old columns", () => {
    const table = (columns: [string, string][]) => ({
      table_type: "EXTERNAL_TABLE",
      storage_descriptor: { columns: columns.map(([name, type]) => ({ name, type })), ser_de_info: { serialization_library: "com.example.FixedWidthSerDe" } },
    });
    expect(findings("aws_glue_catalog_table", table([["a", "string"], ["b", "int"]]), table([["b", "int"]]))).toEqual([
      "platform-staging aws_glue_catalog_table.x: its columns change, and the guard does not know how com.example.FixedWidthSerDe reads files written with " +
        `the old columns; keep the existing columns as they were and add new ones at the end; ${hint("aws_glue_catalog_table", "columns")}`,
    ]);
  });
});

describe("guard rules: partition projection ranges", () => {
  it("knows when a range still covers the old one", () => {
    expect(rangeCovers("2024-01-01,NOW", "2023-06-01,NOW")).toBe(true);
    expect(rangeCovers("2024-01-01,NOW", "2024-06-01,NOW")).toBe(false);
    expect(rangeCovers("NOW-3YEARS,NOW", "NOW-2YEARS,NOW")).toBe(false);
    expect(rangeCovers("0,23", "0,47")).toBe(true);
    expect(rangeCovers("2024-01-01,NOW", "NOW-2YEARS,NOW")).toBeUndefined();
  });

  it("names the enum values a projection drops", () => {
    expect(droppedValues("jp,apac,na", "jp, na,emea")).toEqual(["apac"]);
  });
});
