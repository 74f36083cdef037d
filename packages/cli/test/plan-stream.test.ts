import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { registryUnreachableHint } from "@baikal/platform/workspace";
import { describe, expect, it } from "vitest";
import { configSource, domainSource, EVENTS_DOMAIN, writeProject } from "../../platform/test/support.ts";
import { CHANGES_SOURCE, changesJson, formatDiagnostic, parsePlanStream } from "../src/terraform/plan-stream.ts";
import { formatStackChanges, summarizePlan } from "../src/terraform/plan-summary.ts";
import { baikal } from "./support.ts";

/** A `planned_change` message as `terraform plan -json` (1.11) writes it. */
const change = (addr: string, action: string, extra: Record<string, unknown> = {}) => {
  const [type, name] = addr.replace(/^data\./, "").split(".");
  return JSON.stringify({
    "@level": "info",
    "@message": `${addr}: Plan to ${action}`,
    "@module": "terraform.ui",
    type: "planned_change",
    change: { resource: { addr, module: "", resource: addr, implied_provider: "aws", resource_type: type, resource_name: name, resource_key: null }, action, ...extra },
  });
};

const STREAM = [
  JSON.stringify({ "@level": "info", "@message": "Terraform 1.11.4", type: "version", terraform: "1.11.4", ui: "1.2" }),
  JSON.stringify({ "@level": "info", "@message": "data.aws_iam_policy_document.a: Refreshing...", type: "apply_start" }),
  change("aws_glue_catalog_table.table_clicks", "create"),
  change("aws_athena_workgroup.workgroup", "update"),
  change("aws_glue_catalog_table.table_views", "replace", { reason: "cannot_update" }),
  change("aws_s3_bucket.old", "delete", { reason: "delete_because_no_resource_config" }),
  change("aws_glue_catalog_table.table_new_name", "move", { previous_resource: { addr: "aws_glue_catalog_table.table_old_name" } }),
  change("data.aws_iam_policy_document.b", "read", { reason: "read_because_config_unknown" }),
  JSON.stringify({ "@level": "info", "@message": "Plan: 2 to add, 1 to change, 2 to destroy.", type: "change_summary", changes: { add: 2, change: 1, remove: 2, operation: "plan" } }),
  JSON.stringify({
    "@level": "warn",
    "@message": "Warning: Argument is deprecated",
    type: "diagnostic",
    diagnostic: { severity: "warning", summary: "Argument is deprecated", detail: "Use x instead.", range: { filename: "cdk.tf.json", start: { line: 12 } } },
  }),
].join("\n");

describe("terraform plan -json", () => {
  it("gives every planned change with its address, type and action, and the diagnostics", () => {
    const stream = parsePlanStream(STREAM);
    expect(stream.terraformVersion).toBe("1.11.4");
    expect(stream.changes.map((c) => `${c.action} ${c.address}`)).toEqual([
      "create aws_glue_catalog_table.table_clicks",
      "update aws_athena_workgroup.workgroup",
      "replace aws_glue_catalog_table.table_views",
      "delete aws_s3_bucket.old",
      "move aws_glue_catalog_table.table_new_name",
      "read data.aws_iam_policy_document.b",
    ]);
    expect(stream.changes[4]).toMatchObject({ previousAddress: "aws_glue_catalog_table.table_old_name", type: "aws_glue_catalog_table" });
    expect(stream.diagnostics.map(formatDiagnostic)).toEqual(["Warning: Argument is deprecated\n  on cdk.tf.json line 12\n\nUse x instead."]);
  });

  it("keeps a line that is not JSON as an error, so a crash is never lost", () => {
    expect(parsePlanStream("panic: runtime error\n").diagnostics).toEqual([{ severity: "error", summary: "panic: runtime error" }]);
  });

  it("writes plan.json in the shape of terraform show -json, which the guard and the pull-request comment read", () => {
    const json = changesJson(parsePlanStream(STREAM));
    expect(json.source).toBe(CHANGES_SOURCE);
    expect(json.resource_changes.find((r) => r.address === "aws_glue_catalog_table.table_views")).toEqual({
      address: "aws_glue_catalog_table.table_views",
      type: "aws_glue_catalog_table",
      name: "table_views",
      change: { actions: ["delete", "create"] },
    });
    const summary = summarizePlan(json);
    expect([summary.add, summary.change, summary.destroy, summary.replace]).toEqual([1, 1, 1, 1]);
    expect(formatStackChanges("domain-web-staging", summary)).toBe(
      [
        "domain-web-staging: 1 to create, 1 to update, 1 to replace, 1 to destroy, 1 to move",
        "    + aws_glue_catalog_table.table_clicks",
        "    ~ aws_athena_workgroup.workgroup",
        "  -/+ aws_glue_catalog_table.table_views (replace)",
        "    - aws_s3_bucket.old (destroy)",
        "    > aws_glue_catalog_table.table_old_name -> aws_glue_catalog_table.table_new_name",
      ].join("\n"),
    );
    expect(formatStackChanges("domain-web-staging", summarizePlan({ resource_changes: [] }))).toBe("domain-web-staging: no changes");
  });
});

describe("baikal plan without a provider mirror, offline", () => {
  it("fails with Terraform's words and a hint saying what to set", { timeout: 300_000 }, () => {
    const root = writeProject({ "baikal.config.ts": configSource(), "domains/web/domain.ts": domainSource(EVENTS_DOMAIN) });
    // Terraform asks this registry host for providers; nothing listens there, as on a machine without network.
    const rc = join(mkdtempSync(join(tmpdir(), "baikal-rc-")), "terraform.rc");
    writeFileSync(rc, 'host "registry.terraform.io" {\n  services = {\n    "providers.v1" = "http://127.0.0.1:9/v1/providers/"\n  }\n}\n');
    const run = baikal(["plan", "domain-web-staging", "--outdir", join(root, "out")], root, { BAIKAL_PROVIDER_MIRROR: "", TF_CLI_CONFIG_FILE: rc });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("terraform init failed:");
    expect(run.stderr).toContain("Failed to query available provider packages");
    expect(run.stderr).toContain(registryUnreachableHint());
    expect(registryUnreachableHint()).toBe(
      "hint: Terraform tried to download the provider from registry.terraform.io and could not reach it. To plan offline, give Baikal a local provider mirror: " +
        'run bash scripts/setup.sh (it finds one and records it in .baikal/local.json), or write {"providerMirror": "<folder containing registry.terraform.io/>"} to .baikal/local.json, ' +
        "or set BAIKAL_PROVIDER_MIRROR=<that folder> for one shell. Every baikal command and cdktf (through the stack folders) read it.",
    );
  });
});
