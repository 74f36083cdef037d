import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { lakeFormationDefaultsMessages } from "../../platform/src/lake/lake-formation-defaults.ts";
import { configSource, domainSource, EVENTS_DOMAIN, writeProject } from "../../platform/test/support.ts";
import { terraformEnvironment } from "../src/terraform/cli-config.ts";
import { runTerraform } from "../src/terraform/run-terraform.ts";
import { baikal, REPO_ROOT } from "./support.ts";

/**
 * Real Terraform, offline: the postconditions that keep Lake Formation's IAMAllowedPrincipals defaults off validate
 * and plan with fake credentials, and a plan over state in which the defaults came back fails with their message.
 */
const outdir = mkdtempSync(join(tmpdir(), "baikal-lf-defaults-"));
const env = terraformEnvironment(REPO_ROOT, outdir);
const stackDir = (stack: string) => join(outdir, "stacks", stack);
const flat = (text: string) => text.replace(/\s+/g, " ");
const PROVIDER = 'provider["registry.terraform.io/hashicorp/aws"]';

/** A local state holding one resource with these attributes, as a real apply would have left it. */
function writeState(stack: string, type: string, name: string, attributes: Record<string, unknown>): void {
  const resource = { mode: "managed", type, name, provider: PROVIDER, instances: [{ schema_version: 0, attributes }] };
  const state = { version: 4, terraform_version: "1.10.0", serial: 1, lineage: "baikal-test", outputs: {}, resources: [resource] };
  writeFileSync(join(stackDir(stack), "terraform.tfstate"), JSON.stringify(state));
}
const planFromState = () => ["plan", "-input=false", "-no-color", "-lock=false", "-refresh=false"];

const IAP_DEFAULT = [{ permissions: ["ALL"], principal: "IAM_ALLOWED_PRINCIPALS" }];
const settings = (defaults: unknown[]) => ({
  id: "1",
  admins: ["arn:aws:iam::111111111111:role/deploy", "arn:aws:iam::111111111111:role/break-glass"],
  parameters: { CROSS_ACCOUNT_VERSION: "4" },
  create_database_default_permissions: defaults,
  create_table_default_permissions: defaults,
});
const database = (defaults: unknown[]) => ({
  id: "111111111111:web",
  arn: "arn:aws:glue:eu-west-1:111111111111:database/web",
  catalog_id: "111111111111",
  name: "web",
  description: "Web analytics.",
  create_table_default_permission: defaults,
});

describe("Lake Formation's default permissions stay off, checked by Terraform", () => {
  beforeAll(async () => {
    const root = writeProject({ "baikal.config.ts": configSource(), "domains/web/domain.ts": domainSource(EVENTS_DOMAIN) });
    const synth = baikal(["synth", "--outdir", outdir, "platform-staging", "domain-web-staging"], root);
    expect(synth.code, synth.stderr).toBe(0);
    for (const stack of ["platform-staging", "domain-web-staging"]) {
      const init = await runTerraform(["init", "-input=false", "-no-color"], stackDir(stack), env);
      expect(init.code, init.stderr).toBe(0);
    }
  }, 600_000);

  it("validates and plans offline: with nothing in state the conditions wait for real values", async () => {
    for (const stack of ["platform-staging", "domain-web-staging"]) {
      const validate = await runTerraform(["validate", "-no-color"], stackDir(stack), env);
      expect(validate.stdout + validate.stderr).toContain("The configuration is valid");
      const plan = await runTerraform(["plan", "-input=false", "-no-color", "-lock=false"], stackDir(stack), env);
      expect(plan.code, plan.stderr).toBe(0);
    }
  }, 600_000);

  it("fails the plan when the account's settings give IAMAllowedPrincipals default permissions again", async () => {
    writeState("platform-staging", "aws_lakeformation_data_lake_settings", "lake_formation", settings(IAP_DEFAULT));
    const drifted = await runTerraform(planFromState(), stackDir("platform-staging"), env);
    expect(drifted.code).toBe(1);
    expect(flat(drifted.stderr)).toContain("Resource postcondition failed");
    expect(flat(drifted.stderr)).toContain(flat(lakeFormationDefaultsMessages.settings("platform-staging")));
    writeState("platform-staging", "aws_lakeformation_data_lake_settings", "lake_formation", settings([]));
    const clean = await runTerraform(planFromState(), stackDir("platform-staging"), env);
    expect(clean.code, clean.stderr).toBe(0);
  }, 600_000);

  it("fails the plan of a domain database that inherited IAMAllowedPrincipals for its new tables", async () => {
    writeState("domain-web-staging", "aws_glue_catalog_database", "database", database([{ permissions: ["ALL"], principal: [{ data_lake_principal_identifier: "IAM_ALLOWED_PRINCIPALS" }] }]));
    const drifted = await runTerraform(planFromState(), stackDir("domain-web-staging"), env);
    expect(drifted.code).toBe(1);
    expect(flat(drifted.stderr)).toContain(flat(lakeFormationDefaultsMessages.database("web")));
    writeState("domain-web-staging", "aws_glue_catalog_database", "database", database([]));
    const clean = await runTerraform(planFromState(), stackDir("domain-web-staging"), env);
    expect(clean.code, clean.stderr).toBe(0);
  }, 600_000);
});
